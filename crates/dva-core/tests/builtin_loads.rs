use dva_core::definition::{builtin, SECTION_IDS};

#[test]
fn builtin_definition_is_valid() {
    let def = match builtin() {
        Ok(d) => d,
        Err(errors) => panic!(
            "built-in definition invalid:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    assert_eq!(def.id(), "dva-screen-perpetrator");
    assert_eq!(def.version(), "2.2.0");
    assert_eq!(def.date(), "2026-12-05");
    assert_eq!(def.title(), "DVA Screen: domestic abuse screening");
    let ids: Vec<&str> = def.sections().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, SECTION_IDS);
    assert_eq!(def.behaviours().count(), 36);
    assert_eq!(def.red_flag_rules().len(), 16);
}

#[test]
fn builtin_roles_name_the_setting_section_and_who_completed_it() {
    let def = builtin().expect("valid");
    assert_eq!(def.start_section(), Some("setting"));
    assert_eq!(def.completed_by_item(), Some("set.completed_by"));
    assert!(def.never_client("setting"));
    assert!(!def.never_client("behaviours"));
}
