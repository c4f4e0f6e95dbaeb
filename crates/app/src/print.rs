//! QR sheets (issue 20 item 5): the query both sheets take, the font, and
//! the rendering off the async threads. The cards themselves come from
//! `campaigns::qr_sheet` and `links::qr_sheet`.
use crate::{AppError, AppResult, Services};
use std::collections::HashSet;
use xhs_domain::{FieldError, Rule, ValidationErrors};
pub use xhs_print::{Card, FontSource, PerPage};

/// The longest `ids=`: some 250 ids, a few classes. Longer, a URL of
/// percent-encoded characters would pass actix's 32 KB request head and be
/// refused before it reached a handler that names the field (the fuzz step
/// found it); a larger selection prints by `group_id` or unfiltered.
pub const MAX_IDS_CHARS: usize = 2_000;

/// The query of a sheet, as the query string has it.
#[derive(Debug, Clone, Default)]
pub struct SheetQuery {
    /// Comma-separated ids (links or assignments) to print; None: all.
    pub ids: Option<String>,
    /// Only the accounts of this group.
    pub group_id: Option<i64>,
    /// 6, 12 or 24 (default 12).
    pub per_page: Option<u32>,
}

/// The query checked.
#[derive(Debug, Clone, Default)]
pub struct SheetRequest {
    pub ids: Option<HashSet<i64>>,
    pub group_id: Option<i64>,
    pub per_page: PerPage,
}

/// A finished sheet and the name to save it under.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub pdf: Vec<u8>,
    pub filename: String,
    pub cards: usize,
}

impl SheetQuery {
    /// 422 naming `per_page`, `ids` or `group_id` and the rule each breaks.
    pub async fn check(&self, s: &Services) -> AppResult<SheetRequest> {
        let mut errs = ValidationErrors::default();
        let per_page = match self.per_page {
            None => PerPage::default(),
            Some(n) => errs
                .take(PerPage::from_count(n).ok_or_else(|| {
                    FieldError::new(
                        "per_page",
                        Rule::OneOf,
                        format!("per_page must be one of 6, 12 or 24, not {n}"),
                    )
                }))
                .unwrap_or_default(),
        };
        let ids = match self.ids.as_deref() {
            None | Some("") => None,
            Some(list) => errs.take(parse_ids(list)),
        };
        if let Some(g) = self.group_id {
            if xhs_persistence::groups::find(&s.db, g).await?.is_none() {
                errs.push(FieldError::new(
                    "group_id",
                    Rule::Exists,
                    format!("no group {g}"),
                ));
            }
        }
        if !errs.is_empty() {
            return Err(errs.into());
        }
        Ok(SheetRequest {
            ids,
            group_id: self.group_id,
            per_page,
        })
    }
}

/// Strict: what the document's pattern allows (digits, no sign, no
/// spaces), so the server and the document agree on every value.
fn parse_ids(list: &str) -> Result<HashSet<i64>, FieldError> {
    if list.chars().count() > MAX_IDS_CHARS {
        return Err(FieldError::new(
            "ids",
            Rule::MaxChars,
            format!("ids is at most {MAX_IDS_CHARS} characters"),
        )
        .counts(list.chars().count(), MAX_IDS_CHARS));
    }
    list.split(',')
        .map(|p| {
            let digits = !p.is_empty() && p.len() <= 18 && p.bytes().all(|b| b.is_ascii_digit());
            p.parse::<i64>()
                .ok()
                .filter(|n| digits && *n > 0 && !p.starts_with('0'))
        })
        .collect::<Option<_>>()
        .ok_or_else(|| {
            FieldError::new(
                "ids",
                Rule::WellFormed,
                "ids must be positive ids separated by commas, e.g. 12,15,16",
            )
        })
}

impl SheetRequest {
    /// Whether the row with `id` is asked for.
    pub fn wants(&self, id: i64) -> bool {
        self.ids.as_ref().is_none_or(|ids| ids.contains(&id))
    }

    /// 422 when nothing is left to print, naming the filter that left nothing.
    pub fn nothing_left(&self, what: &str) -> AppError {
        let field = if self.ids.is_some() {
            "ids"
        } else if self.group_id.is_some() {
            "group_id"
        } else {
            "id"
        };
        FieldError::new(
            field,
            Rule::Exists,
            format!("nothing to print: no {what} with a live link matches"),
        )
        .into()
    }
}

/// Renders the cards on a blocking thread (a sheet is CPU work); the font
/// is read on the first sheet and kept. 503 `font_not_configured` without one.
pub(crate) async fn render(
    s: &Services,
    cards: Vec<Card>,
    per_page: PerPage,
    title: String,
    filename: String,
) -> AppResult<Sheet> {
    let font = s.print.get().map_err(|e| {
        tracing::warn!(error = %e, "no font for QR sheets");
        AppError::FontNotConfigured
    })?;
    let n = cards.len();
    let pdf =
        tokio::task::spawn_blocking(move || xhs_print::render(&font, &cards, per_page, &title))
            .await
            .map_err(AppError::storage)?
            .map_err(AppError::storage)?;
    Ok(Sheet {
        pdf,
        filename,
        cards: n,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ids_are_positive_numbers_separated_by_commas() {
        assert_eq!(parse_ids("3,1,2").unwrap(), HashSet::from([1, 2, 3]));
        for bad in ["1,,2", "a", "-1", "+1", " 1", "01", "1;2", "0"] {
            assert_eq!(parse_ids(bad).unwrap_err().rule, Rule::WellFormed, "{bad}");
        }
        let many = vec!["1"; MAX_IDS_CHARS].join(",");
        assert_eq!(parse_ids(&many).unwrap_err().rule, Rule::MaxChars);
    }
}
