//! Imports from spreadsheets: the form, the options, and the row-by-row answer.
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_app::imports::{self, accounts::AccountRow, posts::PostRow, ImportReport, RowReport};
use xhs_domain::{PostType, Rule};

/// The import form: one file.
#[derive(Debug, ToSchema)]
#[allow(dead_code)] // Documents the multipart body; the handler reads it field by field.
pub struct ImportForm {
    /// An .xlsx workbook (its first sheet), or a CSV file in UTF-8 (with or
    /// without BOM), UTF-16 with BOM, or GB18030/GBK as Excel on Chinese
    /// Windows saves it. At most 10 MiB and 5 000 data rows; the header row
    /// names the columns in Chinese or English (see the template). Cells
    /// holding formulas are refused (paste them as values).
    #[schema(format = Binary, value_type = String)]
    pub file: Vec<u8>,
}

/// Write every row or none, or only the rows without problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// One problem anywhere and nothing is written (the default).
    #[default]
    AllOrNothing,
    /// The rows without problems are written; the others are reported.
    ValidRows,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check and answer row by row, writing nothing (default true).
    pub dry_run: Option<bool>,
    /// Default `all_or_nothing`.
    pub mode: Option<ImportMode>,
}

impl ImportQuery {
    pub fn options(&self) -> imports::ImportOptions {
        imports::ImportOptions {
            dry_run: self.dry_run.unwrap_or(true),
            mode: app_mode(self.mode),
            fetch_media: false,
        }
    }
}

fn app_mode(m: Option<ImportMode>) -> imports::ImportMode {
    match m.unwrap_or_default() {
        ImportMode::AllOrNothing => imports::ImportMode::AllOrNothing,
        ImportMode::ValidRows => imports::ImportMode::ValidRows,
    }
}

/// The options of a notes import.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PostImportQuery {
    /// Check and answer row by row, writing nothing (default true).
    pub dry_run: Option<bool>,
    /// Default `all_or_nothing`.
    pub mode: Option<ImportMode>,
    /// Download the image, cover and video URLs into the media library, so
    /// the notes use this server's URLs (default false). Each download has
    /// the upload limits (size, type, full check), a timeout
    /// (`imports.fetch_timeout_ms`), and public addresses only
    /// (`imports.allow_private` lifts that for intranets). A failed download
    /// is a problem (rule `fetchable`) on its row and column, in a dry run
    /// too (which keeps nothing).
    pub fetch_media: Option<bool>,
}

impl PostImportQuery {
    pub fn options(&self) -> imports::ImportOptions {
        imports::ImportOptions {
            dry_run: self.dry_run.unwrap_or(true),
            mode: app_mode(self.mode),
            fetch_media: self.fetch_media.unwrap_or(false),
        }
    }
}

/// What a warning about the whole file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportWarningKind {
    /// A column that is read but not stored (a notes file's 分组: the
    /// groups a note goes to are chosen in a campaign).
    IgnoredColumn,
}

/// Something about the whole file, said once rather than on every row.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportWarning {
    pub kind: ImportWarningKind,
    /// The column's header as the file writes it.
    pub column: String,
    pub message: String,
}

impl From<&imports::FileWarning> for ImportWarning {
    fn from(w: &imports::FileWarning) -> Self {
        Self {
            kind: match w.kind {
                imports::WarningKind::IgnoredColumn => ImportWarningKind::IgnoredColumn,
            },
            column: w.column.clone(),
            message: w.message.clone(),
        }
    }
}

/// One broken rule in one cell.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProblem {
    /// The column's header as the file writes it (`标题`, `title`).
    pub column: String,
    /// The field of the rule (`title`, `image_urls[1]`, `name`).
    pub field: String,
    pub rule: Rule,
    pub message: String,
    /// For counting rules: what was counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// For counting rules: the bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

fn problems<T>(r: &RowReport<T>) -> Vec<ImportProblem> {
    r.problems
        .iter()
        .map(|p| ImportProblem {
            column: p.column.clone(),
            field: p.field.clone(),
            rule: p.rule,
            message: p.message.clone(),
            actual: p.actual,
            limit: p.limit,
        })
        .collect()
}

/// One row of a notes file: the note it created or would create.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostImportRow {
    /// The row's number as Excel shows it.
    pub row: u32,
    /// The note created (commits only); for a 变体 row, the note it is a variant of.
    pub post_id: Option<i64>,
    /// The variant a 变体 row created (commits only).
    pub variant_id: Option<i64>,
    /// The note's type; null when the 类型 cell is not one.
    #[serde(rename = "type")]
    pub post_type: Option<PostType>,
    pub title: String,
    pub content: String,
    pub image_urls: Vec<String>,
    pub cover_url: Option<String>,
    pub video_url: Option<String>,
    /// The 分组 cell, echoed: not stored (see `warnings`).
    pub group: Option<String>,
    /// The 变体 label: this row is (or would be) a variant of
    /// `variant_of_row`'s note; its fields are that note as the variant
    /// shows it.
    pub variant: Option<String>,
    pub variant_of_row: Option<u32>,
    pub problems: Vec<ImportProblem>,
}

impl From<&RowReport<PostRow>> for PostImportRow {
    fn from(r: &RowReport<PostRow>) -> Self {
        let raw = &r.item.raw;
        Self {
            row: r.row,
            post_id: r.created_id,
            variant_id: r.item.variant_id,
            post_type: PostType::parse(&raw.post_type).ok(),
            title: raw.title.clone(),
            content: raw.content.clone(),
            image_urls: raw.image_urls.clone(),
            cover_url: raw.cover_url.clone(),
            video_url: raw.video_url.clone(),
            group: r.item.group.clone(),
            variant: r.item.variant.clone(),
            variant_of_row: r.item.variant_of,
            problems: problems(r),
        }
    }
}

/// One row of a roster.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountImportRow {
    /// The row's number as Excel shows it.
    pub row: u32,
    /// The account created (commits only).
    pub account_id: Option<i64>,
    /// The known account this row is (same 小红书号, or same name in one of its groups).
    pub matched_account_id: Option<i64>,
    /// True when importing the row changes nothing.
    pub unchanged: bool,
    pub name: String,
    /// The kind as the enum writes it (`student`, ...).
    pub kind: String,
    pub groups: Vec<String>,
    /// Its groups the server does not have yet (a commit creates them).
    pub new_groups: Vec<String>,
    pub xhs_id: Option<String>,
    pub note: Option<String>,
    pub problems: Vec<ImportProblem>,
}

impl From<&RowReport<AccountRow>> for AccountImportRow {
    fn from(r: &RowReport<AccountRow>) -> Self {
        let i = &r.item;
        Self {
            row: r.row,
            account_id: r.created_id,
            matched_account_id: i.matched_id,
            unchanged: r.unchanged,
            name: i.name.clone(),
            kind: i.kind.clone(),
            groups: i.groups.clone(),
            new_groups: i.new_groups.clone(),
            xhs_id: i.xhs_id.clone(),
            note: i.note.clone(),
            problems: problems(r),
        }
    }
}

macro_rules! report {
    ($name:ident, $row:ty, $item:ty, $what:literal) => {
        #[doc = $what]
        #[derive(Debug, Serialize, ToSchema)]
        pub struct $name {
            pub dry_run: bool,
            pub mode: ImportMode,
            /// True when rows were written: never for a dry run, never for an
            /// `all_or_nothing` file with a problem.
            pub committed: bool,
            /// Data rows read (the header not counted).
            pub total_rows: usize,
            /// Rows with at least one problem.
            pub problem_rows: usize,
            /// Rows that created something.
            pub created: usize,
            pub rows: Vec<$row>,
            /// About the whole file, once (a column read but not stored).
            pub warnings: Vec<ImportWarning>,
        }

        impl From<ImportReport<$item>> for $name {
            fn from(r: ImportReport<$item>) -> Self {
                Self {
                    dry_run: r.dry_run,
                    mode: match r.mode {
                        imports::ImportMode::AllOrNothing => ImportMode::AllOrNothing,
                        imports::ImportMode::ValidRows => ImportMode::ValidRows,
                    },
                    committed: r.committed,
                    total_rows: r.rows.len(),
                    problem_rows: r.problem_rows(),
                    created: r.created(),
                    rows: r.rows.iter().map(<$row>::from).collect(),
                    warnings: r.warnings.iter().map(ImportWarning::from).collect(),
                }
            }
        }
    };
}

report!(
    PostImportReport,
    PostImportRow,
    PostRow,
    "A notes import, row by row."
);
report!(
    AccountImportReport,
    AccountImportRow,
    AccountRow,
    "A roster import, row by row."
);
