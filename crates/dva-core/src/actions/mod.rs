//! Recommended actions, derived by rules from the result. Each action says what caused it,
//! how urgent it is and whom to contact.
//!
//! # Rules
//!
//! "Concern" below means abuse disclosed (a behaviour, or an injury he caused) or a high
//! level for any reason, so that high risk raised by her fear, a breach or an injury without
//! a disclosed behaviour keeps every action that protects her and the children.
//!
//! - `call_police` (now), at high risk, when any of these: a threat to kill, a weapon,
//!   strangulation or suffocation that was recent or whose recency he did not give (a blank
//!   recency counts as recent); a breach of bail or an order; the most recent incident in the
//!   last week; he may see her today (yes or not sure); access to weapons; he is intoxicated or
//!   in withdrawal now. Framed as "if anyone is in immediate danger", because a screen cannot
//!   tell that on its own.
//! - `safeguarding_lead` (today at high risk, this week at significant concern).
//! - `consider_marac` (today, high risk): usually made by her IDVA or the police, who complete
//!   the Dash with her.
//! - `children_safeguarding`: children present or harmed, thoughts of harming a child, or
//!   concern with children in the family; today at high risk or when a child was harmed, else
//!   this week. When a child was harmed, the police are a contact and the text names the local
//!   authority designated officer.
//! - `pre_birth_safeguarding` (today at high risk, else this week): a partner or ex-partner
//!   pregnant, with concern.
//! - `partner_support` and `respect_phoneline` (today at high risk, else this week): concern.
//! - `partner_also_client`: his partner is also a client of the service: separate workers,
//!   nothing passed between them, her worker routes her to an IDVA and the Dash.
//! - `crisis_support` (today): thoughts of suicide, self-harm or seriously harming someone,
//!   with the crisis team, the urgent mental health line of the region and Samaritans.
//! - `victim_support` (this week): he says a partner has hurt, frightened or controlled him
//!   (Galop too when the relationship is same-sex).
//! - `specialist_assessment` (this week): the relationship is same-sex, the client is not a man,
//!   or he says he is abused and has disclosed abuse (counter-allegations): never the
//!   keyworker's judgement of who is the victim.
//! - `care_plan` (next review): any abuse disclosed, or substance use before or during
//!   incidents.
//! - `specialist_referral`: always present, whatever the level.
//! - `follow_up_gaps` (next review): the screen is incomplete.

mod contacts;
mod model;
mod protect;
mod recommend;
mod support;

pub use contacts::{Contact, ContactRole, Contacts, Region};
pub use model::{Action, ActionState, ActionStatus, Urgency};
pub use recommend::{recommend, recommend_judged};
