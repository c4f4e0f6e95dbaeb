//! What an import answers: every row with its number as Excel shows it,
//! what it created (or would create), and each of its problems.
use xhs_domain::{FieldError, Rule};

/// Write every row or none (the default), or only the rows without problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    #[default]
    AllOrNothing,
    ValidRows,
}

/// How an import runs.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Check only; write nothing (the default).
    pub dry_run: bool,
    pub mode: ImportMode,
    /// Download the media URLs into the library (notes only).
    pub fetch_media: bool,
}

/// What a warning about the whole file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// A column the import reads but does not store.
    IgnoredColumn,
}

/// Something about the whole file, said once rather than on every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWarning {
    pub kind: WarningKind,
    /// The column's header as the file writes it.
    pub column: String,
    pub message: String,
}

/// One broken rule in one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The column's header as the file writes it (`标题`, `title`).
    pub column: String,
    /// The field the rule is about (`title`, `image_urls[2]`).
    pub field: String,
    pub rule: Rule,
    pub message: String,
    pub actual: Option<u64>,
    pub limit: Option<u64>,
}

impl Problem {
    pub fn from_field(column: String, e: FieldError) -> Self {
        Self {
            column,
            field: e.field,
            rule: e.rule,
            message: e.message,
            actual: e.actual,
            limit: e.limit,
        }
    }
}

/// One data row of the file.
#[derive(Debug, Clone)]
pub struct RowReport<T> {
    /// The row's number as Excel shows it.
    pub row: u32,
    /// What the row says, read and normalized.
    pub item: T,
    /// The id it created (commits only).
    pub created_id: Option<i64>,
    /// True when the row changes nothing (a roster's known account).
    pub unchanged: bool,
    pub problems: Vec<Problem>,
}

impl<T> RowReport<T> {
    pub fn new(row: u32, item: T) -> Self {
        Self {
            row,
            item,
            created_id: None,
            unchanged: false,
            problems: Vec::new(),
        }
    }
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The whole answer.
#[derive(Debug, Clone)]
pub struct ImportReport<T> {
    pub dry_run: bool,
    pub mode: ImportMode,
    /// True when the rows were written (never for a dry run; never for an
    /// `all_or_nothing` file with a problem).
    pub committed: bool,
    pub rows: Vec<RowReport<T>>,
    /// About the whole file (a column that is read but not stored).
    pub warnings: Vec<FileWarning>,
}

impl<T> ImportReport<T> {
    pub fn problem_rows(&self) -> usize {
        self.rows.iter().filter(|r| !r.ok()).count()
    }
    pub fn created(&self) -> usize {
        self.rows.iter().filter(|r| r.created_id.is_some()).count()
    }
}
