//! Where the worker is in the screening, kept in the URL's fragment so that the browser's Back and
//! Forward buttons move between steps. Fragments work under any intranet sub-path and inside an
//! embedding page, and never reach a server. Pure: parsed and formatted here, tested natively.

/// One page of the keyworker's flow, in Respect's order: look and listen, ask, assess, respond,
/// refer, record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Worker details, the privacy check, confidentiality and consent.
    Start,
    /// One section of questions, by section id.
    Ask(String),
    /// Check your answers.
    Check,
    /// The result: level, red flags, reasons, judgement.
    Result,
    /// Responding to a disclosure, the recommended actions and information sharing.
    Respond,
    /// The referral summary: print, copy, download.
    Record,
    /// The screening was postponed because privacy could not be had; nothing was kept.
    Postponed,
}

impl Route {
    /// Parses a location fragment such as `#/ask/behaviours`; anything unknown is the start page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("ask", Some(section)) if is_id(section) => Route::Ask(section.to_string()),
            ("check", None) => Route::Check,
            ("result", None) => Route::Result,
            ("respond", None) => Route::Respond,
            ("record", None) => Route::Record,
            ("postponed", None) => Route::Postponed,
            _ => Route::Start,
        }
    }

    /// The fragment for this route, always starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Start => "#/".to_string(),
            Route::Ask(section) => format!("#/ask/{section}"),
            Route::Check => "#/check".to_string(),
            Route::Result => "#/result".to_string(),
            Route::Respond => "#/respond".to_string(),
            Route::Record => "#/record".to_string(),
            Route::Postponed => "#/postponed".to_string(),
        }
    }
}

/// Section ids are short ASCII words; anything else in a fragment is not ours.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips() {
        for route in [
            Route::Start,
            Route::Ask("behaviours".into()),
            Route::Check,
            Route::Result,
            Route::Respond,
            Route::Record,
            Route::Postponed,
        ] {
            assert_eq!(Route::from_hash(&route.to_hash()), route);
        }
    }

    #[test]
    fn unknown_or_hostile_fragments_go_to_start() {
        for hash in [
            "",
            "#",
            "#/nope",
            "#/ask/",
            "#/ask/<script>",
            "#/check/extra",
            "#/ask/a b",
        ] {
            assert_eq!(Route::from_hash(hash), Route::Start, "{hash}");
        }
    }
}
