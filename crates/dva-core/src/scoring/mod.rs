//! Scoring and risk: what was disclosed, which red flags were raised, the level of concern,
//! and what needs following up. Every decision here carries the item ids behind it, so the
//! keyworker can see why.
//!
//! # Level rules (questionnaire 2.0.0)
//!
//! The level is the highest step any of these rules reaches. Every rule only looks for
//! something being present, so disclosing one more behaviour, a higher band or a "yes" can
//! never lower the level (tested with proptest). Where a rule was in doubt it was graded up:
//! over-grading costs a conversation with the safeguarding lead; under-grading can cost a life.
//!
//! - **High risk: act today** when any of these holds, whatever the total:
//!   - any red flag of the definition (`questionnaire.json`, `red_flags`). Besides the named
//!     flags of the Stella Project and Respect guidance, 2.0.0 adds:
//!     - `rf.repeated_violence`: a physical behaviour 11 times or more together with an injury,
//!       the police being called, children present, or violence in the last 12 months (a blank
//!       or "not sure" recency counts as recent). Why: repeated violence is dangerous without a
//!       named flag, and its pattern, not one act, is what the Dash's escalation and count
//!       criteria exist to catch;
//!     - `rf.escalation` also when he says something happened 3 or more times in the last 12
//!       months, the Dash's own escalation criterion;
//!     - `rf.child_harmed`: a child hurt or threatened. Harm to a child needs the children's
//!       procedure today, so the level says so too and never contradicts the action;
//!     - `rf.harm_others`: thoughts of seriously harming someone together with abuse, an
//!       injury, a separation, or arrangements or conflict about child contact, the times a
//!       partner and children are most at risk;
//!     - `rf.weapon_access`: he has or can get a weapon, and disclosed abuse;
//!     - `rf.strangulation` includes drowning and suffocation; `rf.pregnancy_or_baby` an
//!       ex-partner's pregnancy; `rf.stalking_jealousy` constant calling, texting or turning up
//!       (more than once);
//!   - the separation + coercive control + physical or sexual violence cluster (also the
//!     red flag `rf.separation`);
//!   - [`HIGH_RISK_MARKERS`] (8) or more of the [`RISK_MARKERS`] together. Why: the Dash
//!     counts "yes" answers because several lower-level factors together are dangerous; its
//!     threshold is 14 of 24 answers given by her, and some areas treat 10 to 13 as medium.
//!     His own account understates, so 8 of our 26 markers (about the same share as 10 of the
//!     Dash's 24) is treated as high.
//! - **Significant concern**, when any of these holds:
//!   - any physical or sexual behaviour, or any intimidation or threat, disclosed;
//!   - any behaviour disclosed at 11 to 20 times or more;
//!   - [`MANY_BEHAVIOURS`] (5) or more different behaviours disclosed;
//!   - a pattern of coercive control: [`CONTROL_PATTERN`] (2) or more different controlling
//!     behaviours, each more than once. Why: controlling or coercive behaviour is a crime when
//!     it is repeated, and a web of control is a danger sign on its own;
//!   - thoughts of seriously harming someone, even with nothing else disclosed;
//!   - a partner or ex-partner pregnant, with any abuse disclosed (the unborn child is a child);
//!   - children present during incidents;
//!   - the police called, an arrest, charge or conviction, or bail conditions, orders or
//!     contact agreements, past or present;
//!   - a partner injured, or a little afraid of him.
//! - **Abusive behaviour disclosed**: any behaviour of the inventory disclosed once or more,
//!   or an injury he caused.
//! - **No abuse disclosed in this screen**: none of the above. Never called safe or low risk,
//!   and always shown with the minimisation caveat.
//!
//! # Gaps and incomplete
//!
//! A gap is an item shown but not yet answered, answered "prefer not to say", or answered "not
//! sure" or "does not know" (an option marked `unknown` in the definition). Gaps are never read
//! as answers that clear: they are listed for follow-up, and "Nothing left unanswered" is
//! printed only when there are none.
//!
//! The screen is **incomplete** when [`INCOMPLETE_THRESHOLD`] (3) or more gaps are in the
//! relationship, behaviours, impact, children or own-safety sections, or when any gap could
//! hide a red flag. A gap could hide a red flag when a red-flag rule names the item or a
//! question it leads to (so "prefer not to say" on whether there are children could hide the
//! baby and child-harm flags), or when answering that gap alone the worst way would raise a
//! flag (so a sexual item left unanswered could hide sexual violence). The incomplete reason
//! names the first [`NAMED_GAPS`] such gaps with the questions they hid and the flags they
//! could hide, and counts the rest; the follow-up list names every one.
//!
//! # Judgement
//!
//! Judgement can raise the level with a written reason. Lowering needs a written reason and
//! the name of the safeguarding lead who agreed it (both printed); it is refused when a red
//! flag was raised, and "No abuse disclosed in this screen" is refused after any disclosure,
//! because the record would then say something false.
//!
//! # Modules
//!
//! `assessment` is the result and its caveats; `findings` holds what the answers show
//! (disclosures, red flags, the cluster), `level` the reasons and the level they make, `gaps`
//! the follow-up list and the incomplete reason, and `judgement` professional judgement of the
//! level. `assess` here runs them in order.

use crate::answers::Answers;
use crate::definition::Definition;
pub use crate::rules::{CORE_SECTIONS, RISK_MARKERS};
use crate::text::Catalogue;

mod assessment;
mod findings;
mod gaps;
mod judgement;
mod level;

pub use assessment::{caveats, Assessment, Caveat};
pub use findings::{Cluster, Disclosure, DomainCount, Finding, FlagStatus, RedFlag};
pub use gaps::{describe_gap, FollowUp, Gap, INCOMPLETE_THRESHOLD, NAMED_GAPS};
pub use judgement::{apply_judgement, level_for_actions, JudgedLevel, Judgement, JudgementError};
pub use level::{Level, Reason, CONTROL_PATTERN, HIGH_RISK_MARKERS, MANY_BEHAVIOURS};

/// Scores a screening. Pure: the same answers always give the same result. The catalogue gives
/// the words of the reasons, caveats and incomplete reason; it never changes a decision.
pub fn assess(def: &Definition, answers: &Answers, cat: &Catalogue) -> Assessment {
    let disclosures = findings::disclosures(def, answers);
    let domains = findings::domain_counts(def, &disclosures);
    let frequency_total = disclosures.iter().map(|d| d.band.weight()).sum();
    let (red_flags, set_aside_flags) = findings::red_flags(def, answers);
    let cluster = findings::cluster(def, answers, &disclosures);
    let abuse_disclosed = !disclosures.is_empty() || answers.is_yes(def, "impact.injured");
    let found = level::Found {
        disclosures: &disclosures,
        red_flags: &red_flags,
        cluster: cluster.as_ref(),
        abuse_disclosed,
    };
    let reasons = level::reasons(def, answers, &found, cat);
    let level = level::level_of(&reasons);
    let follow_up = gaps::follow_ups(def, answers);
    let incomplete_reason = gaps::incomplete_reason(def, &follow_up, cat);

    Assessment {
        domains,
        disclosures,
        abuse_disclosed,
        frequency_total,
        red_flags,
        set_aside_flags,
        cluster,
        level,
        reasons,
        follow_up,
        incomplete: incomplete_reason.is_some(),
        incomplete_reason,
        caveats: caveats(def, cat),
    }
}
