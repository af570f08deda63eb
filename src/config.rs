//! Service settings, in one place. For now they are constants; a service's build will later be
//! able to change them (for example to forbid drafts altogether) without touching the screens.
use std::time::Duration;

use dva_core::{Contacts, Region};

/// The nation the service is in: it picks the national helpline for his partner and the
/// urgent mental health line in every action and summary.
pub const REGION: Region = Region::England;

/// The contacts shown on actions: the region's national numbers; local ones not yet set.
pub fn contacts() -> Contacts {
    Contacts::for_region(REGION)
}

/// Whether workers may save a draft of a screening on this computer at all. When `false` the
/// opt-in checkbox is not offered and nothing is ever written to the browser's storage.
pub const DRAFTS_ALLOWED: bool = true;

/// How long a saved draft is kept before it is deleted at start-up: the working day.
pub const DRAFT_LIFETIME: Duration = Duration::from_secs(8 * 60 * 60);

/// Where quick exit goes. The default is a blank "New tab" page shipped beside the app, so it
/// works offline and under any path; a service may point it at a neutral page of its own (an
/// intranet home page, a weather page), relative to the app or absolute.
pub const QUICK_EXIT_PAGE: &str = "neutral.html";

/// How long without input before the idle cover hides the screen.
pub const IDLE_AFTER: Duration = Duration::from_secs(10 * 60);

/// What the tab, the window bar and the browser's history call each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Titles {
    /// Each page by name ("Relationship – DVA Screen"), as WCAG 2.4.2 asks: the worker can tell
    /// tabs and history entries apart. Anyone at the computer later can read them too.
    Named,
    /// Every page titled "New tab", the neutral page's own title, so that the tab and the
    /// history say nothing. Screen-reader users still hear each page: focus moves to its
    /// heading on every page change.
    Neutral,
}

/// Page titles in the worker's pages. A service whose computers are shared with clients or
/// partners may choose [`Titles::Neutral`]: here, or without editing this file by building with
/// the `neutral-titles` feature (`trunk build --release --features neutral-titles`). The
/// feature is how the browser tests build the app with neutral titles, so that they check the
/// setting a service would use.
pub const WORKER_TITLES: Titles = if cfg!(feature = "neutral-titles") {
    Titles::Neutral
} else {
    Titles::Named
};

/// Page titles while the client holds the device: neutral, as he may later sit at this computer
/// (or someone close to him may), and his questions should not be listed in its history.
pub const CLIENT_TITLES: Titles = Titles::Neutral;
