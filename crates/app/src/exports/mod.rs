//! Exports (issue 20, item 4): a campaign's assignments, a note's links
//! with their totals, statistics per day, and the audit log, as .xlsx or
//! CSV (UTF-8 with a BOM). Chinese headers, times in the statistics' time
//! zone, links clickable, the header row frozen.
//!
//! An export is checked first (404, 422), then read in keyset pages of
//! [`PAGE_ROWS`] and written as it is read: CSV a page at a time into the
//! response ([`Export::next_csv`]), a workbook into a temp file in
//! constant-memory mode ([`Export::into_xlsx`]). Memory stays flat however
//! many rows there are.
mod audit;
mod campaign;
mod labels;
mod links;
mod range;
mod source;
mod stats;
mod table;

pub use audit::audit;
pub use campaign::campaign;
pub use links::post_links;
pub use range::DayRange;
pub use stats::{account_stats, campaign_stats, link_stats, post_stats, StatsExportQuery};
pub use table::{Cell, Column};

use crate::{AppError, AppResult, Services};
use source::Source;
use xhs_domain::{ExportFormat, FieldError};

/// Rows read from the database at a time.
pub const PAGE_ROWS: u64 = 1_000;

/// `format` as the query has it: `xlsx` (the default) or `csv`.
pub fn parse_format(v: Option<&str>) -> Result<ExportFormat, FieldError> {
    v.map_or(Ok(ExportFormat::Xlsx), |v| {
        ExportFormat::parse_field("format", v)
    })
}

/// An export checked and ready to be written.
pub struct Export {
    /// The file's name, extension included, for `Content-Disposition`.
    pub file_name: String,
    pub format: ExportFormat,
    sheet: &'static str,
    columns: &'static [Column],
    source: Source,
    head_sent: bool,
}

impl Export {
    pub(crate) fn new(
        stem: &str,
        format: ExportFormat,
        sheet: &'static str,
        columns: &'static [Column],
        source: Source,
    ) -> Self {
        Self {
            file_name: format!("{}.{}", file_stem(stem), format.as_str()),
            format,
            sheet,
            columns,
            source,
            head_sent: false,
        }
    }

    /// The next piece of the CSV file (the BOM and the headers first, then a
    /// page of rows each); None when it is complete.
    pub async fn next_csv(&mut self, s: &Services) -> AppResult<Option<Vec<u8>>> {
        if !self.head_sent {
            self.head_sent = true;
            return table::csv_head(self.columns).map(Some).map_err(failed);
        }
        match self.source.next(s).await? {
            Some(rows) => table::csv_rows(&rows, s.settings.stats_timezone)
                .map(Some)
                .map_err(failed),
            None => Ok(None),
        }
    }

    /// The whole workbook, written page by page into a temp file; the file
    /// is read from its start and disappears once closed.
    pub async fn into_xlsx(mut self, s: &Services) -> AppResult<std::fs::File> {
        let mut sheet = table::XlsxSheet::new(self.sheet, self.columns, s.settings.stats_timezone)
            .map_err(failed)?;
        while let Some(rows) = self.source.next(s).await? {
            for row in &rows {
                sheet.write_row(row).map_err(failed)?;
            }
        }
        // Zipping the sheet is seconds of CPU for 100 000 rows: off the
        // request threads.
        tokio::task::spawn_blocking(move || sheet.finish())
            .await
            .map_err(failed)?
            .map_err(failed)
    }
}

/// `{stem}-{today}`, today in the statistics' time zone.
pub(crate) fn dated(s: &Services, stem: &str) -> String {
    format!("{stem}-{}", s.settings.today().format("%Y%m%d"))
}

fn failed(e: impl std::fmt::Display) -> AppError {
    AppError::storage(format!("export: {e}"))
}

/// A file name from a campaign's or note's name: no path separators,
/// quotes or control characters, at most 60 characters.
fn file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "export".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_stem_keeps_chinese_and_drops_separators() {
        assert_eq!(file_stem("三年级/二班 \"春游\""), "三年级_二班 _春游_");
        assert_eq!(file_stem("  "), "export");
    }

    #[test]
    fn the_format_defaults_to_xlsx_and_names_the_field_when_unknown() {
        assert_eq!(parse_format(None).unwrap(), ExportFormat::Xlsx);
        assert_eq!(parse_format(Some("csv")).unwrap(), ExportFormat::Csv);
        assert_eq!(parse_format(Some("pdf")).unwrap_err().field, "format");
    }
}
