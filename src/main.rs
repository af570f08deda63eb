//! Mounts the app. Everything else lives in the library crate.
fn main() {
    dva_screen::start();
}
