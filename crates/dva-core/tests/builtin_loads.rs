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
