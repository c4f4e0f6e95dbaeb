//! A 变体 row is one more variant of the note of the rows above it (the
//! nearest row without a 变体 label): its own non-empty cells override that
//! note's title, body, images and cover, and the merge goes through the
//! variants feature's own pre-flight (`notes::variants`), so an import
//! refuses exactly what the editor's variant tabs refuse.
use super::columns::Columns;
use super::report::Problem;
use crate::notes::variants::{check_over, merged, normalize, VariantFields};
use xhs_domain::{FieldError, RawPost, Rule};
use xhs_persistence::variants::label_key;

/// A variant row read and checked over its note.
pub(super) struct Checked {
    /// What the variant overrides (blank cells fall back to the note).
    pub fields: VariantFields,
    /// The note as this variant shows it.
    pub merged: RawPost,
    pub problems: Vec<Problem>,
}

/// The column a variant's field comes from.
fn variant_column_of(field: &str) -> &'static str {
    match field {
        "label" => "variant",
        f => column_of(f),
    }
}

/// Checks the variant `label` of the row `own` over its note `base`.
/// `type_cell` is the row's 类型 cell as written; `taken` holds the labels
/// the note's earlier variant rows use (this one is added). Over a note
/// with problems of its own only the variant's own cells are checked (the
/// note's problems are reported on its row, not again here).
pub(super) fn check(
    cols: &Columns,
    base: &RawPost,
    base_ok: bool,
    own: &RawPost,
    type_cell: &str,
    label: &str,
    taken: &mut Vec<String>,
) -> Checked {
    let fields = normalize(&VariantFields {
        label: label.to_owned(),
        title: Some(own.title.clone()),
        content: Some(own.content.clone()),
        image_urls: Some(own.image_urls.clone()),
        cover_url: own.cover_url.clone(),
    });
    let mut problems = Vec::new();
    let mut refuse =
        |key: &str, e: FieldError| problems.push(Problem::from_field(cols.header(key), e));
    if !type_cell.is_empty() && own.post_type != base.post_type {
        refuse(
            "type",
            FieldError::new(
                "type",
                Rule::OneOf,
                format!(
                    "a variant has its note's type ({}): leave the cell empty",
                    base.post_type
                ),
            ),
        );
    }
    if own.video_url.is_some() && own.video_url != base.video_url {
        refuse(
            "video",
            FieldError::new(
                "video_url",
                Rule::OneOf,
                "a variant shows its note's video: leave the cell empty",
            ),
        );
    }
    let key = label_key(&fields.label);
    if taken.contains(&key) {
        refuse(
            "variant",
            FieldError::new(
                "label",
                Rule::Unique,
                format!("the note has a variant labelled '{}' already", fields.label),
            ),
        );
    } else {
        taken.push(key);
    }
    if !base_ok {
        refuse(
            "variant",
            FieldError::new(
                "variant",
                Rule::Exists,
                "its note (the row above) has problems",
            ),
        );
    } else if let Err(errs) = check_over(base, &fields, "") {
        for e in errs.0 {
            let key = variant_column_of(&e.field);
            refuse(key, e);
        }
    }
    Checked {
        merged: merged(base, &fields),
        fields,
        problems,
    }
}

/// The column a domain field comes from.
pub(super) fn column_of(field: &str) -> &'static str {
    match field {
        f if f.starts_with("image_urls") => "images",
        "cover_url" => "cover",
        "video_url" => "video",
        "content" => "content",
        "type" => "type",
        _ => "title",
    }
}
