//! Reads an uploaded file into rows of text, whatever Excel saved: .xlsx
//! (calamine, streaming the cells so a huge sheet is refused early), or CSV
//! in UTF-8 with or without a BOM, UTF-16 with a BOM, or GB18030/GBK as
//! Excel on Chinese Windows writes it. Every refusal names the file and the
//! rule; nothing here writes.
use super::limits::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNZIPPED_BYTES};
use calamine::{DataRef, Reader, Xlsx};
use std::io::Cursor;
use xhs_domain::{FieldError, Rule};

/// One row as Excel numbers it (1-based), its cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub number: u32,
    pub cells: Vec<String>,
}

fn refuse(rule: Rule, message: impl Into<String>) -> FieldError {
    FieldError::new("file", rule, message)
}

/// The non-empty rows of the first sheet (or of the CSV), in order.
pub fn read(bytes: &[u8]) -> Result<Vec<SheetRow>, FieldError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Err(refuse(
            Rule::WellFormed,
            "an old Excel 97-2003 .xls file: save it as .xlsx (Excel workbook) or CSV",
        ))
    } else {
        read_csv(bytes)
    }
}

fn too_many_rows() -> FieldError {
    let mut e = refuse(
        Rule::MaxItems,
        format!("more than {MAX_ROWS} rows: split the file"),
    );
    e.limit = Some(MAX_ROWS as u64);
    e
}

/// Refuses archives that unpack to far more than a spreadsheet of this
/// size can hold (a zip bomb), before calamine inflates anything.
fn check_unzipped_size(bytes: &[u8]) -> Result<(), FieldError> {
    let not_xlsx = |_| refuse(Rule::WellFormed, "not a readable .xlsx file (a broken zip)");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(not_xlsx)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNZIPPED_BYTES {
        let mut e = refuse(
            Rule::MaxItems,
            format!("the workbook unpacks to {total} bytes, more than {MAX_UNZIPPED_BYTES}: not a spreadsheet of at most {MAX_ROWS} rows"),
        );
        e.limit = Some(MAX_UNZIPPED_BYTES);
        return Err(e);
    }
    Ok(())
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<SheetRow>, FieldError> {
    check_unzipped_size(bytes)?;
    let broken = |e: calamine::XlsxError| {
        refuse(
            Rule::WellFormed,
            format!("not a readable .xlsx workbook: {e}"),
        )
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(broken)?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| refuse(Rule::Required, "the workbook has no sheet"))?;
    let mut cells = book.worksheet_cells_reader(&first).map_err(broken)?;
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut seen = 0usize;
    while let Some(cell) = cells.next_cell_with_formula_metadata().map_err(broken)? {
        seen += 1;
        if seen > MAX_CELLS {
            let mut e = refuse(
                Rule::MaxItems,
                format!("more than {MAX_CELLS} cells in the first sheet"),
            );
            e.limit = Some(MAX_CELLS as u64);
            return Err(e);
        }
        let (r, c) = cell.pos;
        let text = text_of(&cell.value);
        if cell.formula.is_some() {
            return Err(refuse(
                Rule::WellFormed,
                format!(
                    "cell {}{} holds a formula: formulas are refused, copy the cells and paste them as values",
                    column_name(c),
                    r + 1
                ),
            ));
        }
        if text.is_empty() {
            continue;
        }
        let c = c as usize;
        if c >= MAX_COLUMNS {
            continue;
        }
        let number = r + 1;
        if rows.last().is_none_or(|row| row.number != number) {
            // One header row and a few title rows above the data are allowed.
            if rows.len() > MAX_ROWS + super::limits::MAX_HEADER_ROW {
                return Err(too_many_rows());
            }
            rows.push(SheetRow {
                number,
                cells: Vec::new(),
            });
        }
        if let Some(row) = rows.last_mut() {
            if row.cells.len() <= c {
                row.cells.resize(c + 1, String::new());
            }
            row.cells[c] = text;
        }
    }
    Ok(rows)
}

/// A cell as the person sees it: whole numbers without `.0`, dates as
/// `YYYY-MM-DD` (with the time when it has one).
fn text_of(v: &DataRef<'_>) -> String {
    match v {
        DataRef::String(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => d.as_f64().to_string(),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// `A`, `B`, ... `Z`, `AA`: the column as Excel names it.
pub fn column_name(mut c: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

/// The text of a CSV: a BOM decides when there is one; else UTF-8 when it
/// is valid UTF-8; else GB18030 (GBK's superset, what Excel on Chinese
/// Windows writes).
fn decode(bytes: &[u8]) -> Result<String, FieldError> {
    let (text, had_errors) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => {
            let (t, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
            (t.into_owned(), bad)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), false),
            Err(_) => {
                let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
                (t.into_owned(), bad)
            }
        },
    };
    let binary = text
        .chars()
        .any(|ch| ch.is_control() && !matches!(ch, '\n' | '\r' | '\t'));
    if had_errors || binary {
        return Err(refuse(
            Rule::WellFormed,
            "not a spreadsheet: send an .xlsx workbook or a CSV file (UTF-8 or GBK)",
        ));
    }
    Ok(text)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<SheetRow>, FieldError> {
    let text = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Excel numbers records, not lines: a cell with a line break is one row.
    for (number, record) in (1u32..).zip(reader.records()) {
        let record = record
            .map_err(|e| refuse(Rule::WellFormed, format!("not a readable CSV file: {e}")))?;
        let cells: Vec<String> = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|c| c.trim().to_owned())
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if rows.len() > MAX_ROWS + super::limits::MAX_HEADER_ROW {
            return Err(too_many_rows());
        }
        rows.push(SheetRow { number, cells });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    #[test]
    fn a_gbk_csv_reads_as_chinese() {
        let (bytes, _, _) = encoding_rs::GBK.encode("标题,正文\r\n你好,世界\r\n");
        let rows = read(&bytes).unwrap();
        assert_eq!(rows[1].cells, vec!["你好", "世界"]);
        assert_eq!(rows[1].number, 2);
    }

    #[test]
    fn a_utf8_bom_is_dropped() {
        let rows = read("\u{feff}标题,正文\n甲,乙\n".as_bytes()).unwrap();
        assert_eq!(rows[0].cells[0], "标题");
    }

    #[test]
    fn binary_is_not_a_spreadsheet() {
        let err = read(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]).unwrap_err();
        assert_eq!(err.rule, Rule::WellFormed);
    }
}
