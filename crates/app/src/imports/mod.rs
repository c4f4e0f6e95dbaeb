//! Imports from spreadsheets (issue 20): notes (`posts.rs`), rosters of
//! accounts (`accounts.rs`) and their templates (`template.rs`). A file is
//! read into rows of text (`sheet.rs`), its columns found by header in
//! Chinese or English (`columns.rs`), every row checked with the rules the
//! editor uses, and answered row by row (`report.rs`). A dry run writes
//! nothing; a commit writes in one transaction with one audit entry.
pub mod accounts;
mod columns;
pub mod fetch;
mod fetch_rows;
pub mod limits;
mod post_import;
mod post_rows;
mod post_variants;
pub mod posts;
mod report;
pub mod sheet;
pub mod template;

pub use report::{
    FileWarning, ImportMode, ImportOptions, ImportReport, Problem, RowReport, WarningKind,
};

use crate::AppError;
use xhs_domain::{FieldError, Rule, ValidationErrors};

/// More data rows than one import takes.
pub(crate) fn check_row_count(n: usize) -> Result<(), FieldError> {
    if n > limits::MAX_ROWS {
        return Err(FieldError::new(
            "file",
            Rule::MaxItems,
            format!(
                "{n} rows; one import takes at most {}: split the file",
                limits::MAX_ROWS
            ),
        )
        .counts(n, limits::MAX_ROWS));
    }
    if n == 0 {
        return Err(FieldError::new(
            "file",
            Rule::Required,
            "no data rows under the header",
        ));
    }
    Ok(())
}

/// A file that cannot be imported at all: 422 naming `file`.
pub(crate) fn file_error(e: FieldError) -> AppError {
    AppError::Validation(ValidationErrors(vec![e]))
}

/// A commit refused by a row's problem: 422 naming each row and column.
pub(crate) fn rows_error<T>(rows: &[RowReport<T>]) -> AppError {
    let errs = rows
        .iter()
        .flat_map(|r| {
            r.problems.iter().map(move |p| {
                let mut e = FieldError::new(
                    format!("rows[{}].{}", r.row, p.field),
                    p.rule,
                    format!("row {}, column {}: {}", r.row, p.column, p.message),
                );
                e.actual = p.actual;
                e.limit = p.limit;
                e
            })
        })
        .collect();
    AppError::Validation(ValidationErrors(errs))
}
