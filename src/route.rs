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
    /// The worker chooses what the client answers on his own and sets the hand-back code.
    Handover,
    /// Client mode: what will happen (the first page the client sees).
    ClientStart,
    /// Client mode: one question, by item id.
    ClientQuestion(String),
    /// Client mode: "did this happen in the last 12 months?" after a disclosure, by item id.
    ClientRecent(String),
    /// Client mode: please give the device back; the worker's code returns to the worker pages.
    ClientDone,
}

impl Route {
    /// Parses a location fragment such as `#/ask/behaviours`; anything unknown is the start page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["ask", section] if is_id(section) => Route::Ask(section.to_string()),
            ["check"] => Route::Check,
            ["result"] => Route::Result,
            ["respond"] => Route::Respond,
            ["record"] => Route::Record,
            ["postponed"] => Route::Postponed,
            ["handover"] => Route::Handover,
            ["client"] => Route::ClientStart,
            ["client", "q", item] if is_id(item) => Route::ClientQuestion(item.to_string()),
            ["client", "q", item, "recent"] if is_id(item) => Route::ClientRecent(item.to_string()),
            ["client", "done"] => Route::ClientDone,
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
            Route::Handover => "#/handover".to_string(),
            Route::ClientStart => "#/client".to_string(),
            Route::ClientQuestion(item) => format!("#/client/q/{item}"),
            Route::ClientRecent(item) => format!("#/client/q/{item}/recent"),
            Route::ClientDone => "#/client/done".to_string(),
        }
    }

    /// One of every kind of route, for tests that must hold for every page.
    #[cfg(test)]
    pub fn examples() -> Vec<Route> {
        vec![
            Route::Start,
            Route::Ask("behaviours".into()),
            Route::Check,
            Route::Result,
            Route::Respond,
            Route::Record,
            Route::Postponed,
            Route::Handover,
            Route::ClientStart,
            Route::ClientQuestion("b.pushing".into()),
            Route::ClientRecent("b.pushing".into()),
            Route::ClientDone,
        ]
    }

    /// Whether this is a page of the client's own view. In client mode only these render; out
    /// of it, none of them does.
    pub fn is_client(&self) -> bool {
        matches!(
            self,
            Route::ClientStart
                | Route::ClientQuestion(_)
                | Route::ClientRecent(_)
                | Route::ClientDone
        )
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
        for route in Route::examples() {
            assert_eq!(Route::from_hash(&route.to_hash()), route);
        }
    }

    #[test]
    fn only_client_pages_are_client_routes() {
        assert!(Route::from_hash("#/client").is_client());
        assert!(Route::from_hash("#/client/q/b.pushing").is_client());
        assert!(Route::from_hash("#/client/q/b.pushing/recent").is_client());
        assert!(Route::from_hash("#/client/done").is_client());
        for hash in [
            "#/handover",
            "#/result",
            "#/check",
            "#/ask/behaviours",
            "#/",
        ] {
            assert!(!Route::from_hash(hash).is_client(), "{hash}");
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
            "#/client/q/",
            "#/client/q/<b>",
            "#/client/q/b.pushing/other",
            "#/client/done/x",
        ] {
            assert_eq!(Route::from_hash(hash), Route::Start, "{hash}");
        }
    }
}
