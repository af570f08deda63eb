//! Colours: hex parsing, WCAG contrast and darker shades, by hand (a general `powf` and float
//! formatting would cost the wasm more than these lines).

/// The page's background, against which links are checked.
pub(super) const PAGE_BACKGROUND: &str = "#ffffff";

/// `#rgb` or `#rrggbb` as (r, g, b).
pub(super) fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |h: &str| u8::from_str_radix(h, 16).ok();
    match hex.len() {
        3 => {
            let d: Vec<u8> = hex
                .chars()
                .map(|c| c.to_digit(16).unwrap_or(0) as u8 * 17)
                .collect();
            Some((d[0], d[1], d[2]))
        }
        6 => Some((byte(&hex[0..2])?, byte(&hex[2..4])?, byte(&hex[4..6])?)),
        _ => None,
    }
}

/// `x` rounded down to one decimal ("4.4" for 4.48, never "4.5": that would pass). By hand:
/// float formatting would add its whole machinery to the wasm for this one number.
pub(super) fn one_decimal_down(x: f64) -> String {
    let tenths = (x * 10.0).floor() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `x` to the power 2.4 for `x` in 0..=1, as the fifth root of `x`¹² by Newton's method: the WCAG
/// formula without a general `powf` in the wasm.
pub(super) fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let a = x.powi(12);
    let mut y = 1.0f64;
    for _ in 0..400 {
        let next = y - (y - a / (y * y * y * y)) / 5.0;
        if (next - y).abs() <= 1e-15 * y {
            return next;
        }
        y = next;
    }
    y
}

/// WCAG 2 relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2 contrast ratio of two hex colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// A darker shade of a hex colour (`factor` 0 to 1), for a button's hover and shadow.
pub fn darker(hex: &str, factor: f64) -> String {
    let (r, g, b) = parse_hex(hex).unwrap_or((0, 0, 0));
    let f = |c: u8| (f64::from(c) * factor).round() as u8;
    format!("#{:02x}{:02x}{:02x}", f(r), f(g), f(b))
}
