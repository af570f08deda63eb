//! The fixed tables the scoring reads beyond the definition's own red-flag rules. Apart from
//! `scoring` because the definition's validation reads them too: an optional section may hold
//! nothing they name (see `definition::validate`).

/// Sections whose gaps count towards [`crate::scoring::INCOMPLETE_THRESHOLD`].
pub const CORE_SECTIONS: [&str; 5] = [
    "relationship",
    "behaviours",
    "impact",
    "children",
    "own_safety",
];

/// The risk markers counted towards [`crate::scoring::HIGH_RISK_MARKERS`], in the manner of the Dash's count
/// of "yes" answers: lower-level facts that are dangerous together. Each is an item answered
/// "yes" (yes/no items), the named option (single-choice items) or disclosed once or more
/// (behaviours).
pub const RISK_MARKERS: [(&str, &str); 26] = [
    ("rel.separation", "yes"),
    ("rel.contact_conflict", "yes"),
    ("rel.pregnant", "yes"),
    ("rel.ex_pregnant", "yes"),
    ("b.accusing_affairs", "disclosed"),
    ("b.isolating", "disclosed"),
    ("b.controlling_money", "disclosed"),
    ("b.harassment", "disclosed"),
    ("b.threat_take_children", "disclosed"),
    ("b.threat_hurt_pets", "disclosed"),
    ("b.hurt_pets", "disclosed"),
    ("b.stopping_leaving", "disclosed"),
    ("impact.afraid", "a_little"),
    ("impact.escalation", "yes"),
    ("impact.injured", "yes"),
    ("impact.police", "yes"),
    ("impact.orders", "yes"),
    ("impact.violence_others", "yes"),
    ("impact.criminal_record", "yes"),
    ("impact.others_involved", "yes"),
    ("impact.previous_marac", "yes"),
    ("children.present", "yes"),
    ("subst.binge", "yes"),
    ("subst.mixing", "yes"),
    ("self.money_job", "yes"),
    ("self.suicide", "yes"),
];
