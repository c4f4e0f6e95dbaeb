//! The sheet an export writes, row by row, as .xlsx or CSV. The workbook is
//! in rust_xlsxwriter's constant-memory mode: each row goes to a temp file as
//! soon as the next one begins, so 100 000 rows cost no more memory than ten.
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{Color, Format, FormatUnderline, Formula, Workbook, XlsxError};
use std::io::{Seek, SeekFrom};

/// One column: its Chinese header and its width in characters.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub width: f64,
}

/// A column of `width` characters.
pub(crate) const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// An instant, written in the statistics' time zone (an Excel date-time
    /// in a workbook); None leaves the cell empty.
    Time(Option<DateTime<Utc>>),
    /// A calendar day (an Excel date in a workbook).
    Day(NaiveDate),
    /// A URL: clickable in a workbook; None leaves the cell empty.
    Link(Option<String>),
}

impl Cell {
    /// Text, or an empty cell.
    pub fn opt(s: Option<&str>) -> Self {
        Self::Text(s.unwrap_or_default().to_owned())
    }
}

/// The longest text Excel takes inside a formula: a longer URL is written as
/// plain text.
const MAX_FORMULA_TEXT: usize = 255;

/// A workbook of one sheet being written.
pub(crate) struct XlsxSheet {
    book: Workbook,
    row: u32,
    tz: Tz,
    time: Format,
    day: Format,
    link: Format,
}

impl XlsxSheet {
    /// A workbook whose sheet `name` has the bold header row frozen and the
    /// columns' widths.
    pub(crate) fn new(name: &str, cols: &[Column], tz: Tz) -> Result<Self, XlsxError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        for (c, col) in (0u16..).zip(cols) {
            sheet.set_column_width(c, col.width)?;
            sheet.write_string_with_format(0, c, col.header, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Self {
            book,
            row: 0,
            tz,
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            day: Format::new().set_num_format("yyyy-mm-dd"),
            link: Format::new()
                .set_font_color(Color::Blue)
                .set_underline(FormatUnderline::Single),
        })
    }

    /// Writes the next row.
    pub(crate) fn write_row(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        self.row += 1;
        let r = self.row;
        let sheet = self.book.worksheet_from_index(0)?;
        for (c, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    sheet.write_string(r, c, t)?;
                }
                // Ids and counts stay far below 2^53: exact as Excel numbers.
                Cell::Int(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Time(None) | Cell::Link(None) => {}
                Cell::Time(Some(t)) => {
                    let local = t.with_timezone(&self.tz).naive_local();
                    sheet.write_datetime_with_format(r, c, local, &self.time)?;
                }
                Cell::Day(d) => {
                    sheet.write_datetime_with_format(r, c, d, &self.day)?;
                }
                Cell::Link(Some(url)) if url.chars().count() > MAX_FORMULA_TEXT => {
                    sheet.write_string(r, c, url)?;
                }
                // A HYPERLINK formula rather than a stored hyperlink: Excel
                // takes at most 65 530 of those per sheet, and the writer
                // keeps each in memory until the end.
                Cell::Link(Some(url)) => {
                    let quoted = url.replace('"', "\"\"");
                    let f = Formula::new(format!("=HYPERLINK(\"{quoted}\",\"{quoted}\")"))
                        .set_result(url);
                    sheet.write_formula_with_format(r, c, f, &self.link)?;
                }
            }
        }
        Ok(())
    }

    /// The finished workbook in an unnamed temp file (gone once closed),
    /// read from its start.
    pub(crate) fn finish(mut self) -> Result<std::fs::File, XlsxError> {
        let mut file = tempfile::tempfile()?;
        self.book.save_to_writer(&mut file)?;
        file.seek(SeekFrom::Start(0))?;
        Ok(file)
    }
}

/// A value Excel would run as a formula when it opens a CSV file (`=`, `+`,
/// `-`, `@`, a tab or a return first) gets a leading apostrophe: text from
/// operators and phones must stay text.
fn defused(t: &str) -> String {
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{t}")
    } else {
        t.to_owned()
    }
}

/// One cell as CSV text; times in `tz` as `YYYY-MM-DD HH:MM:SS`.
fn csv_text(cell: &Cell, tz: Tz) -> String {
    match cell {
        Cell::Text(t) => defused(t),
        Cell::Int(n) => n.to_string(),
        Cell::Time(t) => t
            .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default(),
        Cell::Day(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Link(u) => u.as_deref().map(defused).unwrap_or_default(),
    }
}

/// The UTF-8 byte-order mark: without it Excel reads the Chinese as ANSI.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// CRLF line ends, as Excel writes them.
fn writer(into: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(into)
}

/// The BOM and the header row.
pub(crate) fn csv_head(cols: &[Column]) -> Result<Vec<u8>, csv::Error> {
    let mut w = writer(BOM.to_vec());
    w.write_record(cols.iter().map(|c| c.header))?;
    w.into_inner().map_err(|e| e.into_error().into())
}

/// Rows as CSV.
pub(crate) fn csv_rows(rows: &[Vec<Cell>], tz: Tz) -> Result<Vec<u8>, csv::Error> {
    let mut w = writer(Vec::with_capacity(rows.len() * 128));
    for row in rows {
        w.write_record(row.iter().map(|c| csv_text(c, tz)))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_excel_would_run_as_a_formula_stays_text() {
        assert_eq!(defused("=1+1"), "'=1+1");
        assert_eq!(defused("-5"), "'-5");
        assert_eq!(defused("张三"), "张三");
    }

    #[test]
    fn a_csv_starts_with_the_byte_order_mark_and_the_headers() {
        let head = csv_head(&[col("账号", 10.0), col("状态", 8.0)]).unwrap();
        assert!(head.starts_with(BOM));
        assert_eq!(&head[3..], "账号,状态\r\n".as_bytes());
    }
}
