//! Service settings, in one place. For now they are constants; a service's build will later be
//! able to change them (for example to forbid drafts altogether) without touching the screens.
use std::time::Duration;

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
