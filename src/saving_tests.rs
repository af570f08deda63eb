use chrono::{DateTime, Duration};

use super::*;
use crate::draft::{Problem, ProblemKind, Seal};

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-03-04T14:32:00+00:00").unwrap()
}

fn draft(id: &str, revision: u64) -> Draft {
    let seal = Seal {
        iterations: 1,
        salt: vec![1],
        iv: vec![2],
        data: vec![3],
    };
    crate::draft::stamp(id, seal, "", revision, at(), Duration::hours(8), ("d", "1"))
}

fn stored(drafts: Vec<Draft>) -> Decoded {
    Decoded {
        drafts,
        ..Decoded::default()
    }
}

fn unreadable(kind: ProblemKind) -> Problem {
    Problem {
        kind,
        raw: "{\"x\":1}".into(),
        client_reference: None,
    }
}

#[test]
fn a_first_save_is_a_new_draft_at_revision_one_beside_the_others() {
    let s = stored(vec![draft("other", 4)]);
    let w = plan(&s, None, || "new".into(), false, draft).unwrap();
    assert_eq!(w.session, ("new".to_string(), 1));
    assert_eq!(w.drafts.len(), 2);
    assert_eq!((w.drafts[0].id.as_str(), w.drafts[0].revision), ("new", 1));
}

#[test]
fn a_later_save_moves_the_revision_on_in_place() {
    let s = stored(vec![draft("mine", 3), draft("other", 9)]);
    let w = plan(
        &s,
        Some(("mine".into(), 3)),
        || unreachable!(),
        false,
        draft,
    )
    .unwrap();
    assert_eq!(w.session, ("mine".to_string(), 4));
    let ids: Vec<_> = w
        .drafts
        .iter()
        .map(|d| (d.id.as_str(), d.revision))
        .collect();
    assert_eq!(ids, [("mine", 4), ("other", 9)]);
}

#[test]
fn another_tabs_save_is_a_conflict_unless_the_worker_keeps_this_version() {
    let s = stored(vec![draft("mine", 5)]);
    let session = Some(("mine".to_string(), 3));
    assert_eq!(
        plan(&s, session.clone(), String::new, false, draft),
        Err(Status::Conflict(Box::new(draft("mine", 5))))
    );
    // Kept deliberately: written after theirs.
    let w = plan(&s, session, String::new, true, draft).unwrap();
    assert_eq!(w.session.1, 6);
}

#[test]
fn a_draft_deleted_elsewhere_stops_saving_unless_saved_again() {
    let s = stored(vec![]);
    let session = Some(("mine".to_string(), 2));
    assert_eq!(
        plan(&s, session.clone(), String::new, false, draft),
        Err(Status::DeletedElsewhere)
    );
    assert_eq!(
        plan(&s, session, String::new, true, draft)
            .unwrap()
            .session
            .1,
        3
    );
}

#[test]
fn nothing_is_written_over_a_stored_value_that_could_not_be_read() {
    let s = Decoded {
        problems: vec![unreadable(ProblemKind::Truncated)],
        ..Decoded::default()
    };
    assert_eq!(
        plan(&s, None, || "n".into(), true, draft),
        Err(Status::Blocked)
    );
    // One unreadable entry inside a readable file is kept, not a block.
    let s = Decoded {
        problems: vec![unreadable(ProblemKind::UnreadableDraft)],
        ..Decoded::default()
    };
    assert!(plan(&s, None, || "n".into(), false, draft).is_ok());
}

#[test]
fn another_tabs_write_is_seen_as_a_conflict_or_a_deletion() {
    let session = ("mine".to_string(), 2);
    assert_eq!(
        seen_elsewhere(&stored(vec![draft("mine", 2)]), &session),
        None
    );
    assert!(matches!(
        seen_elsewhere(&stored(vec![draft("mine", 3)]), &session),
        Some(Status::Conflict(_))
    ));
    assert_eq!(
        seen_elsewhere(&stored(vec![]), &session),
        Some(Status::DeletedElsewhere)
    );
    let blocked = Decoded {
        problems: vec![unreadable(ProblemKind::Corrupted)],
        ..Decoded::default()
    };
    assert_eq!(seen_elsewhere(&blocked, &session), None);
}

#[test]
fn an_unchanged_screening_is_not_saved_again_unless_kept_deliberately() {
    let session = ("mine".to_string(), 2);
    assert!(unchanged(Some(&session), Some("{}"), "{}", false));
    assert!(!unchanged(Some(&session), Some("{}"), "{}", true));
    assert!(!unchanged(Some(&session), Some("{}"), "{\"a\":1}", false));
    assert!(!unchanged(None, Some("{}"), "{}", false));
}

#[test]
fn deleting_keeps_the_rest() {
    let s = stored(vec![draft("a", 1), draft("b", 1)]);
    assert_eq!(without(&s, "a"), vec![draft("b", 1)]);
    let s = Decoded {
        problems: vec![
            unreadable(ProblemKind::UnreadableDraft),
            Problem {
                raw: "{\"y\":2}".into(),
                ..unreadable(ProblemKind::UnreadableDraft)
            },
        ],
        ..Decoded::default()
    };
    assert_eq!(
        kept_without(&s, &s.problems[0]),
        Some(vec!["{\"y\":2}".to_string()])
    );
    assert_eq!(kept_without(&s, &unreadable(ProblemKind::Corrupted)), None);
    assert!(Status::Failed.is_problem() && !Status::Saved(at()).is_problem());
}
