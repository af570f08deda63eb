use std::time::Duration;

use dva_core::{ContactRole, Region};

use super::colour::{one_decimal_down, pow_2_4};
use super::*;

const APP: &str = "https://intranet.example.org";

fn parse(text: &str) -> (Settings, Vec<Problem>) {
    parse_config(text, APP)
}

fn kinds(problems: &[Problem]) -> Vec<(&str, &ProblemKind)> {
    problems.iter().map(|p| (p.at.as_str(), &p.kind)).collect()
}

#[test]
fn the_example_config_is_valid_and_sets_everything() {
    let (s, problems) = parse_config(include_str!("../../examples/config.json"), APP);
    assert_eq!(problems, []);
    assert_eq!(
        s.service_name.as_deref(),
        Some("Northtown Recovery Service")
    );
    assert_eq!(s.region, Region::Wales);
    assert_eq!(s.local.len(), LOCAL_ROLES.len());
    assert!(s.quick_exit.starts_with("https://"));
    assert_eq!(s.worker_titles, Titles::Named);
    assert_eq!(s.draft_lifetime, Duration::from_secs(4 * 3600));
    assert_eq!(s.idle_after, Duration::from_secs(5 * 60));
    assert_ne!(s.colours, Colours::default());
    assert!(s.logo.is_some());
    assert!(s.host_origin.is_some());
}

#[test]
fn an_empty_object_is_the_defaults() {
    assert_eq!(parse("{}"), (Settings::default(), vec![]));
}

#[test]
fn local_contacts_reach_the_core_on_one_line_and_national_ones_follow_the_region() {
    let (s, problems) = parse(
        r#"{"region": "scotland", "contacts": {"safeguarding_lead":
           {"name": "Sam Patel", "phone": "01632 960 001", "email": "sam@example.org",
            "hours": "9 to 5", "notes": "Ask for duty"}}}"#,
    );
    assert_eq!(problems, []);
    let c = s.contacts();
    assert_eq!(
        c.safeguarding_lead,
        "Sam Patel, 01632 960 001, sam@example.org, 9 to 5, Ask for duty"
    );
    assert_eq!(c.national_helpline, "0800 027 1234");
    assert_eq!(c.marac_coordinator, "");
    assert!(s.local_contact(ContactRole::SafeguardingLead).is_some());
    assert!(s.local_contact(ContactRole::CrisisTeam).is_none());
}

#[test]
fn every_problem_is_reported_at_once_and_each_key_keeps_its_default() {
    let (s, problems) = parse(
        r##"{"servce_name": "X", "region": "france", "idle_minutes": "ten",
            "drafts_allowed": "no", "draft_lifetime_hours": 0,
            "contacts": {"safeguarding_lead": {"name": "Sam", "phone": "ring reception"}},
            "colours": {"button": "#ffff00"},
            "quick_exit_url": "javascript:alert(1)"}"##,
    );
    assert_eq!(
        kinds(&problems),
        [
            (
                "servce_name",
                &ProblemKind::UnknownKey {
                    suggestion: Some("service_name".into())
                }
            ),
            ("region", &ProblemKind::NotRegion),
            (
                "contacts.safeguarding_lead.phone",
                &ProblemKind::NotDiallable
            ),
            ("quick_exit_url", &ProblemKind::ExitNotHttp),
            (
                "drafts_allowed",
                &ProblemKind::WrongType {
                    expected: Expected::TrueOrFalse
                }
            ),
            (
                "draft_lifetime_hours",
                &ProblemKind::OutOfRange { min: 1, max: 72 }
            ),
            (
                "idle_minutes",
                &ProblemKind::WrongType {
                    expected: Expected::Number
                }
            ),
            (
                "colours.button",
                &ProblemKind::LowContrast {
                    ratio: contrast("#ffffff", "#ffff00").unwrap(),
                    against: "#ffffff".into()
                }
            ),
        ]
    );
    let d = Settings::default();
    assert_eq!(s.region, d.region);
    assert_eq!(s.idle_after, d.idle_after);
    assert_eq!(s.drafts_allowed, d.drafts_allowed);
    assert_eq!(s.draft_lifetime, d.draft_lifetime);
    assert_eq!(s.colours, d.colours);
    assert_eq!(s.quick_exit, d.quick_exit);
    // The contact's valid parts are kept; only the number is dropped.
    assert_eq!(s.local["safeguarding_lead"].name, "Sam");
    assert_eq!(s.local["safeguarding_lead"].phone, "");
}

#[test]
fn an_unknown_key_far_from_any_has_no_suggestion() {
    let (_, problems) = parse(r#"{"contacts": {"plumber": {}, "crisis_tem": {}}}"#);
    assert_eq!(
        kinds(&problems),
        [
            (
                "contacts.crisis_tem",
                &ProblemKind::UnknownKey {
                    suggestion: Some("contacts.crisis_team".into())
                }
            ),
            (
                "contacts.plumber",
                &ProblemKind::UnknownKey { suggestion: None }
            ),
        ]
    );
}

#[test]
fn a_malformed_file_is_one_problem_and_the_defaults() {
    for (text, kind) in [
        ("not json", ProblemKind::NotJson { line: 1, column: 2 }),
        (r#"{"region": "wal"#, ProblemKind::Truncated),
        ("", ProblemKind::Truncated),
        ("[1, 2]", ProblemKind::NotAnObject),
        ("\"wales\"", ProblemKind::NotAnObject),
    ] {
        let (s, problems) = parse(text);
        assert_eq!(s, Settings::default(), "{text}");
        assert_eq!(kinds(&problems), [("", &kind)], "{text}");
    }
    let huge = format!(r#"{{"notes": "{}"}}"#, "x".repeat(10 * 1024 * 1024));
    let (s, problems) = parse(&huge);
    assert_eq!(s, Settings::default());
    assert!(matches!(
        problems[..],
        [Problem {
            kind: ProblemKind::TooLarge { .. },
            ..
        }]
    ));
}

#[test]
fn quick_exit_must_leave_for_another_http_origin() {
    for (url, ok) in [
        ("https://www.bbc.co.uk/weather", true),
        ("http://intranet.example.org:8080/home", true),
        ("HTTPS://INTRANET.EXAMPLE.ORG/other", false),
        ("https://intranet.example.org:443/", false),
        ("ftp://example.org/", false),
        ("javascript:alert(1)", false),
        ("exit.html", false),
        ("//example.org/", false),
        ("https://", false),
    ] {
        let (s, problems) = parse(&format!(r#"{{"quick_exit_url": "{url}"}}"#));
        assert_eq!(problems.is_empty(), ok, "{url}: {problems:?}");
        assert_eq!(s.quick_exit == url, ok, "{url}");
    }
    let (_, problems) = parse(r#"{"quick_exit_url": "https://intranet.example.org/x"}"#);
    assert_eq!(problems[0].kind, ProblemKind::ExitSameOrigin);
}

#[test]
fn phone_numbers_must_be_diallable() {
    for ok in [
        "999",
        "116 123",
        "01632 960 001",
        "+44 (0)1632-960001",
        "0808.2000.247",
    ] {
        assert!(diallable(ok), "{ok}");
    }
    for bad in [
        "",
        "12",
        "ring reception",
        "0800 FLOWERS",
        "+",
        "1234567890123456",
        "++44",
    ] {
        assert!(!diallable(bad), "{bad}");
    }
    assert_eq!(
        tel_href("+44 1632 960001").as_deref(),
        Some("tel:+441632960001")
    );
    assert_eq!(tel_href("0800 FLOWERS"), None);
}

#[test]
fn contrast_is_wcags_and_a_pair_below_aa_falls_back_together() {
    let ratio = contrast("#000000", "#ffffff").unwrap();
    assert!((ratio - 21.0).abs() < 1e-9);
    // GOV.UK's link blue on white passes; its light grey does not.
    assert!(contrast("#1d70b8", "#ffffff").unwrap() >= 4.5);
    assert!(contrast("#b1b4b6", "#ffffff").unwrap() < 4.5);
    let (s, problems) = parse(
        r##"{"colours": {"header": "#123456", "header_text": "#1a3a5a",
                        "button": "#4c2c92", "button_text": "#fff", "link": "not a colour"}}"##,
    );
    assert_eq!(
        problems.iter().map(|p| p.at.as_str()).collect::<Vec<_>>(),
        ["colours.link", "colours.header_text"]
    );
    assert_eq!(problems[0].kind, ProblemKind::NotColour);
    let d = Colours::default();
    assert_eq!(
        (s.colours.header.as_str(), s.colours.header_text.as_str()),
        (d.header.as_str(), d.header_text.as_str())
    );
    assert_eq!(s.colours.button, "#4c2c92");
    assert_eq!(s.colours.button_text, "#fff");
    assert_eq!(s.colours.link, d.link);
}

#[test]
fn the_hand_made_power_and_rounding_match_the_library() {
    for i in 0..=255u8 {
        let x = (f64::from(i) / 255.0 + 0.055) / 1.055;
        assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{i}");
    }
    assert_eq!(one_decimal_down(4.48), "4.4");
    assert_eq!(one_decimal_down(21.0), "21.0");
    assert_eq!(one_decimal_down(1.05), "1.0");
}

#[test]
fn a_logo_must_be_a_file_beside_the_app() {
    for (file, ok) in [
        ("logo.png", true),
        ("images/logo.svg", true),
        ("https://example.org/logo.png", false),
        ("/logo.png", false),
        ("../logo.png", false),
        ("data:image/png;base64,AAAA", false),
        ("logo.exe", false),
    ] {
        let (s, problems) = parse(&format!(r#"{{"logo": {{"file": "{file}", "alt": "N"}}}}"#));
        assert_eq!(problems.is_empty(), ok, "{file}");
        assert_eq!(s.logo.is_some(), ok, "{file}");
    }
}

#[test]
fn host_origin_is_an_origin_and_nothing_more() {
    for (origin, ok) in [
        ("https://intranet.example.org", true),
        ("https://intranet.example.org/", true),
        ("http://127.0.0.1:8080", true),
        ("https://intranet.example.org/page", false),
        ("*", false),
        ("intranet.example.org", false),
    ] {
        let (s, problems) = parse(&format!(r#"{{"host_origin": "{origin}"}}"#));
        assert_eq!(problems.is_empty(), ok, "{origin}");
        assert_eq!(s.host_origin.is_some(), ok, "{origin}");
    }
}

#[test]
fn null_means_not_set_and_blank_text_is_a_problem() {
    let (s, problems) = parse(r#"{"region": null, "service_name": "  "}"#);
    assert_eq!(s, Settings::default());
    assert_eq!(kinds(&problems), [("service_name", &ProblemKind::Empty)]);
}

#[test]
fn every_problem_has_words() {
    let (_, problems) = parse(
        r##"{"x": 1, "servic_name": 1, "region": 1, "contacts": {"crisis_team": {"phone": "a", "email": "b"}},
            "quick_exit_url": "https://intranet.example.org/", "colours": {"link": "#eee"},
            "logo": {"file": "x"}, "host_origin": "x", "idle_minutes": 99}"##,
    );
    assert!(problems.len() >= 9);
    let unreachable = Problem::new("", ProblemKind::Unreadable { status: 0 });
    for p in problems.into_iter().chain([unreachable]) {
        let m = p.message();
        assert!(!m.starts_with("settings.problem"), "{p:?} has no words");
    }
}

#[test]
fn an_optional_section_switches_off_and_a_section_risk_rules_read_does_not() {
    let (s, problems) = parse(
        r#"{"optional_sections": {"readiness": false, "children": false,
           "readyness": false, "behaviours": true, "own_safety": "no"}}"#,
    );
    assert_eq!(s.sections_off, ["readiness"]);
    let not_optional = ProblemKind::NotOptional {
        optional: "readiness".into(),
    };
    assert_eq!(
        kinds(&problems),
        [
            ("optional_sections.behaviours", &not_optional),
            ("optional_sections.children", &not_optional),
            (
                "optional_sections.own_safety",
                &ProblemKind::WrongType {
                    expected: Expected::TrueOrFalse
                }
            ),
            (
                "optional_sections.readyness",
                &ProblemKind::UnknownKey {
                    suggestion: Some("optional_sections.readiness".into())
                }
            ),
        ]
    );
    let (s, problems) = parse(r#"{"optional_sections": {"readiness": true}}"#);
    assert_eq!((s.sections_off.len(), problems.len()), (0, 0));
}
