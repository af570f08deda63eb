//! The questionnaire's roles: which section the start page asks, which question says who
//! completed the screening, and which sections the client never answers on his own. The shell
//! reads these rather than naming sections and items itself, so a definition can rename them.

use super::error::DefinitionError;
use super::raw::RawRoles;
use super::types::{Definition, Item, Roles, Section};

/// The option of the completed-by item that says the client answered on his own.
pub const CLIENT_SELF: &str = "client_self";

impl Definition {
    pub fn roles(&self) -> &Roles {
        &self.roles
    }
    /// The id of the section asked on the start page rather than on a question page.
    pub fn start_section(&self) -> Option<&str> {
        self.roles.start_section.as_deref()
    }
    /// The id of the item that says who completed the questions.
    pub fn completed_by_item(&self) -> Option<&str> {
        self.roles.completed_by.as_deref()
    }
    /// Whether a section is never handed to the client.
    pub fn never_client(&self, section_id: &str) -> bool {
        self.roles.never_client.iter().any(|s| s == section_id)
    }
}

/// The roles, each naming what exists and is of the kind the shell needs: the start page's
/// section is always asked, the completed-by question is a single choice with a
/// [`CLIENT_SELF`] option, and a section kept from the client exists.
pub(super) fn check_roles(
    raw: RawRoles,
    sections: &[Section],
    items: &[Item],
    errors: &mut Vec<DefinitionError>,
) -> Roles {
    use DefinitionError as E;
    let section = |role: &'static str, id: &str, errors: &mut Vec<DefinitionError>| {
        let found = sections.iter().find(|s| s.id == id);
        if found.is_none() {
            errors.push(E::RoleUnknown {
                role,
                id: id.to_owned(),
            });
        }
        found
    };
    let start_section = match raw.start_section {
        None => {
            errors.push(E::MissingRole("start_section"));
            None
        }
        Some(id) => {
            if section("start_section", &id, errors).is_some_and(|s| s.optional) {
                errors.push(E::RoleWrongKind {
                    role: "start_section",
                    id: id.clone(),
                    expected: "a section that is always asked",
                });
            }
            Some(id)
        }
    };
    let completed_by = match raw.completed_by {
        None => {
            errors.push(E::MissingRole("completed_by"));
            None
        }
        Some(id) => {
            check_completed_by(&id, items, errors);
            Some(id)
        }
    };
    for id in &raw.never_client {
        section("never_client", id, errors);
    }
    Roles {
        start_section,
        completed_by,
        never_client: raw.never_client,
    }
}

/// The completed-by role names a single-choice item with a [`CLIENT_SELF`] option.
fn check_completed_by(id: &str, items: &[Item], errors: &mut Vec<DefinitionError>) {
    match items.iter().find(|i| i.id == id) {
        None => errors.push(DefinitionError::RoleUnknown {
            role: "completed_by",
            id: id.to_owned(),
        }),
        Some(item) if item.response.option(CLIENT_SELF).is_none() => {
            errors.push(DefinitionError::RoleWrongKind {
                role: "completed_by",
                id: id.to_owned(),
                expected: "a single-choice item with a 'client_self' option",
            })
        }
        Some(_) => {}
    }
}
