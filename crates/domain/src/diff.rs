//! Line diffs between two versions of a note's field (the `similar` crate's
//! Myers diff), for the history panel.
use crate::DiffOp;

/// One line of a diff, without its line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub op: DiffOp,
    pub text: String,
}

/// The lines of `before` turned into those of `after`; an absent value has
/// no lines.
pub fn line_diff(before: Option<&str>, after: Option<&str>) -> Vec<DiffLine> {
    let (old, new) = (before.unwrap_or(""), after.unwrap_or(""));
    similar::TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| DiffLine {
            op: match c.tag() {
                similar::ChangeTag::Equal => DiffOp::Equal,
                similar::ChangeTag::Insert => DiffOp::Insert,
                similar::ChangeTag::Delete => DiffOp::Delete,
            },
            text: c
                .value()
                .strip_suffix('\n')
                .map(|t| t.strip_suffix('\r').unwrap_or(t))
                .unwrap_or(c.value())
                .to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(d: &[DiffLine]) -> Vec<(DiffOp, &str)> {
        d.iter().map(|l| (l.op, l.text.as_str())).collect()
    }

    #[test]
    fn a_changed_line_is_a_delete_and_an_insert_between_kept_lines() {
        let d = line_diff(Some("a\nb\nc"), Some("a\nB\nc"));
        assert_eq!(
            ops(&d),
            vec![
                (DiffOp::Equal, "a"),
                (DiffOp::Delete, "b"),
                (DiffOp::Insert, "B"),
                (DiffOp::Equal, "c"),
            ]
        );
    }

    #[test]
    fn an_absent_value_has_no_lines() {
        assert_eq!(
            ops(&line_diff(None, Some("x"))),
            vec![(DiffOp::Insert, "x")]
        );
        assert!(line_diff(None, None).is_empty());
    }
}
