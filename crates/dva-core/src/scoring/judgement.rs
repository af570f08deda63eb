//! Professional judgement: raising the level with a reason, lowering it only with a reason and
//! the safeguarding lead's name, never below what a red flag or a disclosure allows.

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::level::Level;
use crate::text::Catalogue;

/// A professional judgement about the level, with the worker's written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    pub level: Level,
    pub reason: String,
    /// The safeguarding lead who agreed a lowering, verbatim (needed only to lower).
    #[serde(default)]
    pub lead: String,
}

/// The level after professional judgement. Holds both the computed and the judged level, so
/// the computed level can never be hidden; it can only be made by [`apply_judgement`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgedLevel {
    computed: Level,
    judged: Level,
    reason: String,
    lead: String,
}

impl JudgedLevel {
    /// The level the answers gave.
    pub fn computed(&self) -> Level {
        self.computed
    }
    /// The level the worker judged.
    pub fn judged(&self) -> Level {
        self.judged
    }
    /// The worker's written reason, verbatim.
    pub fn reason(&self) -> &str {
        &self.reason
    }
    /// The safeguarding lead who agreed a lowering, verbatim; empty otherwise.
    pub fn lead(&self) -> &str {
        &self.lead
    }
    pub fn raised(&self) -> bool {
        self.judged > self.computed
    }
    pub fn lowered(&self) -> bool {
        self.judged < self.computed
    }
}

/// Why a judgement was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgementError {
    /// Raising or lowering the level needs a written reason.
    ReasonRequired,
    /// A level raised by a red flag can never be lowered.
    CannotLowerRedFlag,
    /// "No abuse disclosed" after abuse was disclosed would be a false statement.
    FalseStatement,
    /// Lowering needs the name of the safeguarding lead who agreed it.
    LeadRequired,
}

impl JudgementError {
    /// The message the worker sees.
    pub fn message(self, cat: &Catalogue) -> &str {
        cat.get(match self {
            JudgementError::ReasonRequired => "core.judgement.reason_required",
            JudgementError::CannotLowerRedFlag => "core.judgement.cannot_lower_red_flag",
            JudgementError::FalseStatement => "core.judgement.false_statement",
            JudgementError::LeadRequired => "core.judgement.lead_required",
        })
    }
}

/// Applies a professional judgement. Raising needs a reason. Lowering needs a reason and the
/// name of the safeguarding lead who agreed it, is refused outright when a red flag was
/// raised, and may never say "no abuse disclosed" when abuse was disclosed (that would be a
/// false statement in the record).
pub fn apply_judgement(
    assessment: &Assessment,
    judgement: &Judgement,
) -> Result<JudgedLevel, JudgementError> {
    let computed = assessment.level;
    let has_reason = !judgement.reason.trim().is_empty();
    if judgement.level < computed && assessment.has_red_flag() {
        return Err(JudgementError::CannotLowerRedFlag);
    }
    if judgement.level < computed
        && judgement.level == Level::NoAbuseDisclosed
        && assessment.abuse_disclosed()
    {
        return Err(JudgementError::FalseStatement);
    }
    if judgement.level != computed && !has_reason {
        return Err(JudgementError::ReasonRequired);
    }
    if judgement.level < computed && judgement.lead.trim().is_empty() {
        return Err(JudgementError::LeadRequired);
    }
    Ok(JudgedLevel {
        computed,
        judged: judgement.level,
        reason: judgement.reason.clone(),
        lead: if judgement.level < computed {
            judgement.lead.clone()
        } else {
            String::new()
        },
    })
}

/// The level actions are derived from: the higher of the computed and the judged level, so a
/// lowered judgement never removes an action the answers called for.
pub fn level_for_actions(assessment: &Assessment, judged: Option<&JudgedLevel>) -> Level {
    judged.map_or(assessment.level, |j| j.judged.max(assessment.level))
}
