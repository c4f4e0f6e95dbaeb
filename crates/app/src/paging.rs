//! Keyset paging shared by the lists: `limit` 1..=100 and an opaque `cursor`
//! (the last id of the previous page).
use xhs_domain::{FieldError, Rule, ValidationErrors};

const DEFAULT_LIMIT: u64 = 20;
const MAX_LIMIT: u64 = 100;

/// A page request that passed validation.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub limit: u64,
    pub before_id: Option<i64>,
}

impl PageRequest {
    /// Reads `limit` and `cursor`, recording what is wrong in `errs`.
    pub fn parse(limit: Option<u64>, cursor: Option<&str>, errs: &mut ValidationErrors) -> Self {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            errs.push(
                FieldError::new(
                    "limit",
                    Rule::Range,
                    format!("limit must be 1 to {MAX_LIMIT}"),
                )
                .counts(limit as usize, MAX_LIMIT as usize),
            );
        }
        let before_id = match cursor.filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => errs.take(c.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
                FieldError::new(
                    "cursor",
                    Rule::WellFormed,
                    "cursor must be a next_cursor this API returned",
                )
            })),
        };
        Self {
            limit: limit.clamp(1, MAX_LIMIT),
            before_id,
        }
    }

    /// How many rows to fetch: one more than the page, to know whether another follows.
    pub fn fetch(&self) -> u64 {
        self.limit + 1
    }

    /// Cuts the extra row off and returns the cursor of the next page, if any.
    pub fn finish<T>(&self, mut rows: Vec<T>, id: impl Fn(&T) -> i64) -> (Vec<T>, Option<String>) {
        if rows.len() as u64 > self.limit {
            rows.truncate(self.limit as usize);
            let next = rows.last().map(|r| id(r).to_string());
            (rows, next)
        } else {
            (rows, None)
        }
    }
}

/// Longest search text (`q`) a list takes.
pub const MAX_SEARCH_CHARS: usize = 100;

/// The search text of a list, trimmed; empty is none. Too long or holding a
/// control character is a field error.
pub fn search_text(q: Option<&str>, errs: &mut ValidationErrors) -> Option<String> {
    let q = q?;
    errs.take(xhs_domain::bounded_text("q", q, MAX_SEARCH_CHARS, false))
        .filter(|t| !t.is_empty())
}
