//! What changed between two versions of a note: the fields that differ, each
//! with a line diff.
use crate::notes::posts;
use crate::{AppResult, Services};
use xhs_domain::{line_diff, DiffLine, FieldError, Rule, ValidationErrors};
use xhs_persistence::posts::PostFields;
use xhs_persistence::variants::VariantFields;
use xhs_persistence::versions as store;

/// One field that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    /// `type`, `title`, `content`, `cover_url`, `image_urls`, `video_url`
    /// or `variants`.
    pub field: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
    pub lines: Vec<DiffLine>,
}

/// The differences from version `from` to version `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDiff {
    pub from: i32,
    pub to: i32,
    pub fields: Vec<FieldDiff>,
}

/// A version number given in the query, as text.
fn version_param(name: &str, v: Option<&str>) -> Result<i32, FieldError> {
    let v = v.map(str::trim).unwrap_or("");
    if v.is_empty() {
        return Err(FieldError::new(
            name,
            Rule::Required,
            format!("{name} must name a version"),
        ));
    }
    v.parse::<i32>().ok().filter(|n| *n >= 1).ok_or_else(|| {
        FieldError::new(
            name,
            Rule::WellFormed,
            format!("{name} must be a version number (1 or more)"),
        )
    })
}

/// Each field as text: image URLs one per line; absent (or no images) is null.
fn texts(f: &PostFields) -> [(&'static str, Option<String>); 6] {
    [
        ("type", Some(f.post_type.as_str().to_owned())),
        ("title", Some(f.title.clone())),
        ("content", Some(f.content.clone())),
        ("cover_url", f.cover_url.clone()),
        (
            "image_urls",
            Some(f.image_urls.join("\n")).filter(|t| !t.is_empty()),
        ),
        ("video_url", f.video_url.clone()),
    ]
}

/// The variants as text, a block per variant (only what it overrides);
/// absent when the version predates variants or has none.
fn variants_text(all: Option<&[VariantFields]>) -> Option<String> {
    let blocks: Vec<String> = all
        .unwrap_or_default()
        .iter()
        .map(|v| {
            let mut lines = vec![format!("[{}]", v.label)];
            let fields = [
                ("title", v.title.clone()),
                ("content", v.content.clone()),
                ("image_urls", v.image_urls.as_ref().map(|u| u.join(" "))),
                ("cover_url", v.cover_url.clone()),
            ];
            for (name, value) in fields {
                if let Some(value) = value {
                    lines.push(format!("{name}: {value}"));
                }
            }
            lines.join("\n")
        })
        .collect();
    Some(blocks.join("\n")).filter(|t| !t.is_empty())
}

/// Compares two versions of a live note. `from` and `to` are the query's
/// values: each must name a version of this note (422 naming it otherwise).
pub async fn diff(
    s: &Services,
    post_id: i64,
    from: Option<&str>,
    to: Option<&str>,
) -> AppResult<PostDiff> {
    let post = posts::get(s, post_id).await?;
    let mut errs = ValidationErrors::default();
    let from = errs.take(version_param("from", from));
    let to = errs.take(version_param("to", to));
    let mut found = Vec::new();
    for (name, v) in [("from", from), ("to", to)] {
        let Some(v) = v else { continue };
        match store::find(&s.db, post.id, v).await? {
            Some(row) => {
                let public: Option<Vec<VariantFields>> = row.variants.map(|all| {
                    all.into_iter()
                        .map(|f| crate::notes::variants::fields_public(s, f))
                        .collect()
                });
                let text = variants_text(public.as_deref());
                found.push((
                    v,
                    crate::notes::hosted::fields_to_public(s, row.fields),
                    text,
                ))
            }
            None => errs.push(FieldError::new(
                name,
                Rule::Exists,
                format!("this note has no version {v}"),
            )),
        }
    }
    type Found = (i32, PostFields, Option<String>);
    let [(from, before, vb), (to, after, va)]: [Found; 2] = match found.try_into() {
        Ok(both) if errs.is_empty() => both,
        _ => return Err(errs.into()),
    };
    let fields = texts(&before)
        .into_iter()
        .chain([("variants", vb)])
        .zip(texts(&after).into_iter().chain([("variants", va)]))
        .filter(|((_, b), (_, a))| b != a)
        .map(|((field, before), (_, after))| FieldDiff {
            lines: line_diff(before.as_deref(), after.as_deref()),
            field,
            before,
            after,
        })
        .collect();
    Ok(PostDiff { from, to, fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_parameter_is_required_and_a_positive_number() {
        assert_eq!(version_param("from", Some("3")), Ok(3));
        assert_eq!(version_param("to", None).unwrap_err().rule, Rule::Required);
        for bad in ["0", "-1", "x", "1.5"] {
            let e = version_param("from", Some(bad)).unwrap_err();
            assert_eq!((e.field.as_str(), e.rule), ("from", Rule::WellFormed));
        }
    }
}
