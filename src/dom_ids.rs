//! Element ids that more than one page needs: "Change" links and error summaries land on them.

/// A stable element id for an item's first control: `b.throat_grab` → `q-b-throat_grab`.
/// "Change" links and the error summary land here.
pub fn item_dom_id(item_id: &str) -> String {
    format!("q-{}", item_id.replace('.', "-"))
}

/// The element id of a section's notes box.
pub fn notes_dom_id(section_id: &str) -> String {
    format!("notes-{section_id}")
}

/// The start page's text fields, which check your answers links to.
pub const WORKER_ID: &str = "worker-name";
pub const SERVICE_ID: &str = "service";
pub const CLIENT_REF_ID: &str = "client-reference";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_become_stable_element_ids() {
        assert_eq!(item_dom_id("b.throat_grab"), "q-b-throat_grab");
    }
}
