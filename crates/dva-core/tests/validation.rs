//! Broken definition files: every problem is reported at once.

use dva_core::{parse, DefinitionError as E};

const BROKEN: &str = r#"{
  "id": "",
  "version": "1.0.0",
  "date": "2026-11-25",
  "title": "Broken",
  "sections": [
    {"id": "a", "title": "A"},
    {"id": "a", "title": "A again"},
    {"id": "empty", "title": "Nothing here"}
  ],
  "items": [
    {"id": "x", "section": "a", "domain": "physical", "label": "X",
     "worker_wording": "Have you ever pushed her?", "client_wording": "",
     "response": {"type": "frequency"},
     "show_when": {"is": {"item": "y", "value": "yes"}}},
    {"id": "x", "section": "a", "domain": "physical", "label": "X again",
     "worker_wording": "w", "client_wording": "c", "response": {"type": "frequency"}},
    {"id": "y", "section": "nowhere", "domain": "feelings", "label": "Y",
     "worker_wording": " ", "client_wording": "c", "response": {"type": "yes_no"}},
    {"id": "z", "section": "a", "domain": "impact", "label": "Z",
     "worker_wording": "w", "client_wording": "c",
     "response": {"type": "single_choice", "options": []},
     "show_when": {"any": [{"is": {"item": "x", "value": "yes"}}, {"disclosed": "ghost"}]}},
    {"id": "s", "section": "a", "domain": "readiness", "label": "S",
     "worker_wording": "w", "client_wording": "c",
     "response": {"type": "scale", "min": 10, "max": 10, "min_label": "lo", "max_label": "hi"}},
    {"id": "c", "section": "a", "domain": "impact", "label": "C",
     "worker_wording": "w", "client_wording": "c",
     "response": {"type": "single_choice", "options": [
       {"id": "o", "worker_label": "O", "client_label": "O"},
       {"id": "o", "worker_label": "O2", "client_label": "O2"}]},
     "show_when": {"at_least": {"item": "x", "band": "loads"}}}
  ],
  "red_flags": [
    {"id": "rf.1", "title": "One", "explanation": "e", "when": {"disclosed": "nobody"}},
    {"id": "rf.1", "title": "Dup", "explanation": "e", "when": {"disclosed": "x"}},
    {"id": "rf.2", "title": "", "explanation": "e", "when": {"any_disclosed_in": "verbal"}},
    {"id": "rf.3", "title": "Three", "explanation": "e", "when": {"is": {"item": "c", "value": "p"}}},
    {"id": "rf.4", "title": "Four", "explanation": "e",
     "when": {"at_least_in": {"domain": "hitting", "band": "lots", "recent": true}}}
  ]
}"#;

#[test]
fn every_problem_is_reported_together() {
    let errors = match parse(BROKEN) {
        Ok(_) => panic!("broken fixture accepted"),
        Err(e) => e,
    };
    let expect = [
        E::EmptyHeader("id"),
        E::DuplicateSection("a".into()),
        E::EmptySection("empty".into()),
        E::EmptyWording {
            item: "x".into(),
            field: "client wording",
        },
        E::ConditionForwardReference {
            context: "the show-when of item 'x'".into(),
            item: "y".into(),
        },
        E::DuplicateItem("x".into()),
        E::UnknownSection {
            item: "y".into(),
            section: "nowhere".into(),
        },
        E::EmptyWording {
            item: "y".into(),
            field: "worker wording",
        },
        E::UnknownDomain {
            context: "item 'y'".into(),
            domain: "feelings".into(),
        },
        E::EmptyOptions { item: "z".into() },
        E::ConditionWrongType {
            context: "the show-when of item 'z'".into(),
            item: "x".into(),
            expected: "a yes/no or single-choice item",
        },
        E::ConditionUnknownItem {
            context: "the show-when of item 'z'".into(),
            item: "ghost".into(),
        },
        E::BadScale {
            item: "s".into(),
            min: 10,
            max: 10,
        },
        E::DuplicateOption {
            item: "c".into(),
            option: "o".into(),
        },
        E::UnknownBand {
            context: "the show-when of item 'c'".into(),
            band: "loads".into(),
        },
        E::ConditionUnknownItem {
            context: "red-flag rule 'rf.1'".into(),
            item: "nobody".into(),
        },
        E::DuplicateRule("rf.1".into()),
        E::EmptyRuleText {
            rule: "rf.2".into(),
            field: "title",
        },
        E::UnknownDomain {
            context: "red-flag rule 'rf.2'".into(),
            domain: "verbal".into(),
        },
        E::ConditionBadValue {
            context: "red-flag rule 'rf.3'".into(),
            item: "c".into(),
            value: "p".into(),
        },
        E::UnknownDomain {
            context: "red-flag rule 'rf.4'".into(),
            domain: "hitting".into(),
        },
        E::UnknownBand {
            context: "red-flag rule 'rf.4'".into(),
            band: "lots".into(),
        },
    ];
    for e in &expect {
        assert!(errors.contains(e), "missing: {e}\n got: {errors:#?}");
    }
    assert_eq!(errors.len(), expect.len(), "{errors:#?}");
    // Every problem reads as a sentence.
    assert!(errors.iter().all(|e| !e.to_string().is_empty()));
}

#[test]
fn malformed_json_is_one_error() {
    let errors = parse("{ not json").err().unwrap_or_default();
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0], E::Json(_)));
}

#[test]
fn unknown_fields_are_refused() {
    let json = r#"{"id":"a","version":"1","date":"d","title":"t","sections":[],"items":[],"colour":"red"}"#;
    assert!(matches!(
        parse(json).err().unwrap_or_default().first(),
        Some(E::Json(_))
    ));
}

#[test]
fn a_minimal_valid_definition_parses() {
    let json = r#"{"id":"a","version":"1","date":"2026-11-25","title":"t",
      "sections":[{"id":"s","title":"S"}],
      "items":[{"id":"i","section":"s","domain":"physical","label":"I","worker_wording":"w","client_wording":"c","response":{"type":"frequency"}}],
      "red_flags":[{"id":"r","title":"R","explanation":"e","when":{"disclosed":"i"}}]}"#;
    let d = parse(json).expect("valid");
    assert_eq!(d.items().len(), 1);
    assert_eq!(d.red_flag_rules().len(), 1);
}

/// A section a service may switch off must hold nothing a risk rule reads: here a red flag,
/// another section's show-when and the abuse domain each read one of its questions.
#[test]
fn an_optional_section_that_a_risk_rule_reads_is_refused() {
    let json = r#"{
      "id": "t", "version": "1.0.0", "date": "2026-12-05", "title": "T",
      "sections": [{"id": "extra", "title": "Extra", "optional": true},
                   {"id": "main", "title": "Main"}],
      "items": [
        {"id": "e.q", "section": "extra", "domain": "readiness", "label": "Q",
         "worker_wording": "w", "client_wording": "c", "response": {"type": "yes_no"}},
        {"id": "e.hit", "section": "extra", "domain": "physical", "label": "Hit",
         "worker_wording": "w", "client_wording": "c", "response": {"type": "frequency"}},
        {"id": "m.q", "section": "main", "domain": "readiness", "label": "M",
         "worker_wording": "w", "client_wording": "c", "response": {"type": "yes_no"},
         "show_when": {"is": {"item": "e.q", "value": "yes"}}}
      ],
      "red_flags": [{"id": "rf.e", "title": "E", "explanation": "e",
                     "when": {"is": {"item": "e.q", "value": "yes"}}}]
    }"#;
    let errors = parse(json).expect_err("refused");
    let read: Vec<(&str, &str)> = errors
        .iter()
        .filter_map(|e| match e {
            E::OptionalSectionRead { item, by, .. } => Some((item.as_str(), by.as_str())),
            _ => None,
        })
        .collect();
    assert!(read.contains(&("e.q", "red-flag rule 'rf.e'")), "{read:?}");
    assert!(
        read.contains(&("e.q", "the show-when of item 'm.q'")),
        "{read:?}"
    );
    assert!(read.iter().any(|(item, _)| *item == "e.hit"), "{read:?}");
    assert!(errors.iter().all(|e| !e.to_string().is_empty()));
}

/// A definition with the given `roles` block: a start section, an optional one, and a
/// completed-by question whose options are given.
fn with_roles(roles: &str, completed_by_options: &str) -> String {
    format!(
        r#"{{"id":"t","version":"1","date":"2026-12-05","title":"T",
      "sections":[{{"id":"start","title":"Start"}},{{"id":"extra","title":"Extra","optional":true}}],
      "items":[
        {{"id":"who","section":"start","domain":"setting","label":"Who","worker_wording":"w",
          "client_wording":"c","response":{{"type":"single_choice","options":[{completed_by_options}]}}}},
        {{"id":"q","section":"extra","domain":"readiness","label":"Q","worker_wording":"w",
          "client_wording":"c","response":{{"type":"yes_no"}}}}],
      "roles":{roles}}}"#
    )
}

/// The problems of a definition with these roles; every one must read as a sentence.
fn refused(roles: &str, completed_by_options: &str) -> Vec<E> {
    let errors = parse(&with_roles(roles, completed_by_options)).expect_err("refused");
    assert!(errors.iter().all(|e| !e.to_string().is_empty()));
    errors
}

const CHOICES: &str = r#"{"id":"worker","worker_label":"W","client_label":"W"},
    {"id":"client_self","worker_label":"C","client_label":"C"}"#;

#[test]
fn roles_are_read_from_the_definition() {
    let json = with_roles(
        r#"{"start_section":"start","completed_by":"who","never_client":["start"]}"#,
        CHOICES,
    );
    let d = parse(&json).expect("valid");
    assert_eq!(d.start_section(), Some("start"));
    assert_eq!(d.completed_by_item(), Some("who"));
    assert!(d.never_client("start"));
    assert!(!d.never_client("extra"));
}

#[test]
fn a_missing_role_is_refused() {
    let errors = refused(r#"{"never_client":["start"]}"#, CHOICES);
    assert_eq!(
        errors,
        [
            E::MissingRole("start_section"),
            E::MissingRole("completed_by")
        ]
    );
}

#[test]
fn a_role_naming_nothing_or_the_wrong_kind_is_refused() {
    let errors = refused(
        r#"{"start_section":"nowhere","completed_by":"ghost","never_client":["gone"]}"#,
        CHOICES,
    );
    assert_eq!(
        errors,
        [
            E::RoleUnknown {
                role: "start_section",
                id: "nowhere".into()
            },
            E::RoleUnknown {
                role: "completed_by",
                id: "ghost".into()
            },
            E::RoleUnknown {
                role: "never_client",
                id: "gone".into()
            },
        ]
    );

    // An optional start page could be switched off; a completed-by question without a
    // "client_self" option can never say the client answered alone.
    let errors = refused(
        r#"{"start_section":"extra","completed_by":"q"}"#,
        r#"{"id":"worker","worker_label":"W","client_label":"W"}"#,
    );
    assert_eq!(
        errors,
        [
            E::RoleWrongKind {
                role: "start_section",
                id: "extra".into(),
                expected: "a section that is always asked",
            },
            E::RoleWrongKind {
                role: "completed_by",
                id: "q".into(),
                expected: "a single-choice item with a 'client_self' option",
            },
        ]
    );
}
