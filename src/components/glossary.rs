//! "What these words mean": the specialist words a new keyworker may not know, explained on the
//! pages that use them (result, respond and refer). The GOV.UK details pattern keeps it out of
//! the way until asked for. `tests/plain_language.rs` fails when the app's wording uses a
//! specialist word or an abbreviation that has no entry here.
use leptos::prelude::*;

use crate::text::t;

/// (term key, meaning key), in the order a worker meets them.
pub const TERMS: &[(&str, &str)] = &[
    ("glossary.red_flag.term", "glossary.red_flag.meaning"),
    (
        "glossary.coercive_control.term",
        "glossary.coercive_control.meaning",
    ),
    (
        "glossary.safeguarding_lead.term",
        "glossary.safeguarding_lead.meaning",
    ),
    ("glossary.marac.term", "glossary.marac.meaning"),
    ("glossary.idva.term", "glossary.idva.meaning"),
    ("glossary.dash.term", "glossary.dash.meaning"),
    ("glossary.respect.term", "glossary.respect.meaning"),
    (
        "glossary.perpetrator_programme.term",
        "glossary.perpetrator_programme.meaning",
    ),
    (
        "glossary.partner_support.term",
        "glossary.partner_support.meaning",
    ),
    (
        "glossary.court_orders.term",
        "glossary.court_orders.meaning",
    ),
];

/// The closed "What these words mean" box.
#[component]
pub fn Glossary() -> impl IntoView {
    view! {
        <details class="details glossary no-print">
            <summary class="details__summary">{t("glossary.heading")}</summary>
            <dl class="glossary__list">
                {TERMS
                    .iter()
                    .map(|(term, meaning)| {
                        view! {
                            <dt class="glossary__term">{t(term)}</dt>
                            <dd class="glossary__meaning">{t(meaning)}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
    }
}
