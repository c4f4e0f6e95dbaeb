//! What any text or instant must be to be stored at all, on every backend:
//! no control characters (PostgreSQL refuses NUL; a newline in a name forges
//! log lines), URLs no longer than their columns, instants within the years
//! every database stores (MariaDB's DATETIME ends in 9999).
use crate::{FieldError, Rule};
use chrono::{DateTime, Datelike, Utc};

/// Longest media URL (cover, image, video), counted once encoded: what the
/// columns hold (migration 000014 widened them).
pub const MAX_URL_CHARS: usize = 2048;

/// Longest link of a published note (XHS links are far shorter).
pub const MAX_NOTE_URL_CHARS: usize = 500;

/// The first character text may not hold: C0 and C1 controls and DEL, but
/// not tab, line feed and carriage return (a body has lines).
pub fn forbidden_control(s: &str) -> Option<char> {
    s.chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Refuses text with a [`forbidden_control`] character, naming the field.
pub fn check_text(field: &str, s: &str) -> Result<(), FieldError> {
    match forbidden_control(s) {
        None => Ok(()),
        Some(c) => Err(FieldError::new(
            field,
            Rule::ControlCharacter,
            format!(
                "{field} contains the control character U+{:04X}, which text may not hold",
                u32::from(c)
            ),
        )),
    }
}

/// Refuses an instant outside the years 1970 to 9999, which every backend
/// stores as it is.
pub fn check_instant(field: &str, t: &DateTime<Utc>) -> Result<(), FieldError> {
    if (1970..=9999).contains(&t.year()) {
        return Ok(());
    }
    Err(FieldError::new(
        field,
        Rule::Range,
        format!("{field} must lie between the years 1970 and 9999"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn nul_and_other_controls_are_refused_but_lines_and_tabs_are_text() {
        assert_eq!(forbidden_control("a\u{0}b"), Some('\u{0}'));
        assert_eq!(forbidden_control("a\u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(forbidden_control("a\u{85}"), Some('\u{85}'));
        assert_eq!(forbidden_control("第一行\n第二行\r\n\t缩进 😀"), None);
        let e = check_text("title", "x\u{0}").unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.rule),
            ("title", Rule::ControlCharacter)
        );
        assert!(e.message.contains("U+0000"), "{}", e.message);
    }

    #[test]
    fn instants_must_lie_in_the_years_every_backend_stores() {
        let at = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
        assert!(check_instant("expires_at", &at(9999)).is_ok());
        assert!(check_instant("expires_at", &at(1970)).is_ok());
        assert_eq!(
            check_instant("expires_at", &at(10000)).unwrap_err().rule,
            Rule::Range
        );
        assert!(check_instant("expires_at", &at(1969)).is_err());
    }
}
