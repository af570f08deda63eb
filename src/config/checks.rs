//! Checks of single values: keys close to a known one, phone numbers, e-mail and web addresses,
//! logo files.
use super::problem::ProblemKind;

/// The closest known key, if it is close enough to be a slip (a typo, a missing letter).
pub(super) fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = key.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&key, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A number a phone can dial: digits with spaces, hyphens, dots or brackets between them, an
/// optional leading `+`, and between 3 (999, 111) and 15 digits (the international maximum).
pub fn diallable(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
        && (3..=15).contains(&digits)
}

/// The `tel:` address for a diallable number.
pub fn tel_href(phone: &str) -> Option<String> {
    diallable(phone).then(|| {
        let plus = if phone.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        format!("tel:{plus}{digits}")
    })
}

pub(super) fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        && !domain.contains('@')
}

/// `scheme://host[:port]` of an absolute http(s) address, lower-cased, without a default port.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // No user:password@ in an address the app goes to.
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "http" { ":80" } else { ":443" };
    let host = authority
        .strip_suffix(default_port)
        .unwrap_or(&authority)
        .to_string();
    Some(format!("{scheme}://{host}"))
}

pub(super) fn exit_address(url: &str, app_origin: &str) -> Result<(), ProblemKind> {
    let origin = origin_of(url).ok_or(ProblemKind::ExitNotHttp)?;
    match origin_of(app_origin) {
        Some(own) if own == origin => Err(ProblemKind::ExitSameOrigin),
        _ => Ok(()),
    }
}

/// An origin as the browser writes it (`https://intranet.example.org`), or `None` if `s` is
/// anything more or less than one.
pub(super) fn normalise_origin(s: &str) -> Option<String> {
    let origin = origin_of(s)?;
    let rest = &s[s.find("://")? + 3..];
    // Nothing after the host but an optional final slash.
    (!rest.trim_end_matches('/').contains(['/', '?', '#'])).then_some(origin)
}

/// A file beside the app: a relative path, no scheme, no way up and out of the app's folder.
pub(super) fn is_local_file(f: &str) -> bool {
    let lower = f.to_ascii_lowercase();
    !f.is_empty()
        && !f.contains(':')
        && !f.starts_with('/')
        && !f.starts_with('\\')
        && !f.split(['/', '\\']).any(|part| part == "..")
        && [".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}
