//! An account's 小红书号 (its XHS id, shown under the nickname in the app):
//! how people copy it, and what is kept. XHS does not publish its rules;
//! what the app shows are ASCII letters, digits, `_` and `.` (assigned ids
//! are long digit strings, chosen ones shorter), so this takes those, up to
//! [`MAX_XHS_ID_CHARS`], and drops the `小红书号：` label the app copies with it.
use crate::{check_text, FieldError, Rule};

/// The longest 小红书号 kept, in characters.
pub const MAX_XHS_ID_CHARS: usize = 24;

/// The 小红书号 in `raw` (trimmed, its copied label dropped); `None` when blank.
pub fn parse_xhs_id(field: &str, raw: &str) -> Result<Option<String>, FieldError> {
    check_text(field, raw)?;
    let t = raw.trim();
    let t = ["小红书号：", "小红书号:", "小红书号"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return Ok(None);
    }
    let n = t.chars().count();
    if n > MAX_XHS_ID_CHARS {
        return Err(FieldError::new(
            field,
            Rule::MaxChars,
            format!("a 小红书号 has at most {MAX_XHS_ID_CHARS} characters; this has {n}"),
        )
        .counts(n, MAX_XHS_ID_CHARS));
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    {
        return Err(FieldError::new(
            field,
            Rule::WellFormed,
            "a 小红书号 holds only letters, digits, `_` and `.` (copy it from the profile page)",
        ));
    }
    Ok(Some(t.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_id_loses_its_label_and_blank_is_none() {
        assert_eq!(
            parse_xhs_id("xhs_id", " 小红书号：9527001 ").unwrap(),
            Some("9527001".to_owned())
        );
        assert_eq!(
            parse_xhs_id("xhs_id", "li_si.2026").unwrap().as_deref(),
            Some("li_si.2026")
        );
        assert_eq!(parse_xhs_id("xhs_id", "  ").unwrap(), None);
    }

    #[test]
    fn spaces_chinese_and_long_ids_are_refused_naming_the_field() {
        let e = parse_xhs_id("xhs_id", "李 四").unwrap_err();
        assert_eq!((e.field.as_str(), e.rule), ("xhs_id", Rule::WellFormed));
        let e = parse_xhs_id("xhs_id", &"9".repeat(25)).unwrap_err();
        assert_eq!((e.rule, e.limit), (Rule::MaxChars, Some(24)));
    }
}
