//! Finds the columns of a sheet by their header, in Chinese or English.
use super::limits::MAX_HEADER_ROW;
use super::sheet::SheetRow;
use xhs_domain::{FieldError, Rule};

/// A column an import knows: its key and the headers that name it.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    pub key: &'static str,
    pub names: &'static [&'static str],
}

/// Where each known column sits, and its header as written in the file.
#[derive(Debug, Clone)]
pub struct Columns {
    found: Vec<(&'static str, usize, String)>,
    known: Vec<Known>,
}

fn normalize(h: &str) -> String {
    h.trim()
        .trim_end_matches(['*', '＊', ':', '：'])
        .trim()
        .to_lowercase()
}

fn match_header(known: &[Known], h: &str) -> Option<&'static str> {
    let h = normalize(h);
    if h.is_empty() {
        return None;
    }
    known
        .iter()
        .find(|k| k.names.iter().any(|n| normalize(n) == h))
        .map(|k| k.key)
}

impl Columns {
    /// The first of the first rows naming at least two known columns is the
    /// header; the rows after it are the data.
    pub fn find<'r>(
        known: &[Known],
        rows: &'r [SheetRow],
        required: &[&str],
    ) -> Result<(Self, &'r [SheetRow]), FieldError> {
        for (i, row) in rows.iter().take(MAX_HEADER_ROW).enumerate() {
            let mut found = Vec::new();
            for (c, h) in row.cells.iter().enumerate() {
                if let Some(key) = match_header(known, h) {
                    if !found.iter().any(|(k, _, _)| *k == key) {
                        found.push((key, c, h.trim().to_owned()));
                    }
                }
            }
            if found.len() >= 2 || (found.len() == 1 && required.len() == 1) {
                let cols = Self {
                    found,
                    known: known.to_vec(),
                };
                if let Some(missing) = required.iter().find(|r| cols.index(r).is_none()) {
                    return Err(FieldError::new(
                        "file",
                        Rule::Required,
                        format!("no `{missing}` column in the header row {}", row.number),
                    ));
                }
                return Ok((cols, &rows[i + 1..]));
            }
        }
        let names: Vec<String> = known
            .iter()
            .map(|k| format!("{}/{}", k.names[0], k.key))
            .collect();
        Err(FieldError::new(
            "file",
            Rule::Required,
            format!(
                "no header row found: name the columns {} (download the template)",
                names.join(", ")
            ),
        ))
    }

    /// True when the file has the column `key`.
    pub fn has(&self, key: &str) -> bool {
        self.index(key).is_some()
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.found.iter().find(|(k, _, _)| *k == key).map(|c| c.1)
    }

    /// The cell of `key` in `row`, trimmed; empty when absent.
    pub fn get<'a>(&self, row: &'a SheetRow, key: &str) -> &'a str {
        self.index(key)
            .and_then(|i| row.cells.get(i))
            .map_or("", |s| s.trim())
    }

    /// The header of `key` as the file writes it (for problems); its
    /// Chinese name when the file has no such column.
    pub fn header(&self, key: &str) -> String {
        match self.found.iter().find(|(k, _, _)| *k == key) {
            Some(c) => c.2.clone(),
            None => self
                .known
                .iter()
                .find(|k| k.key == key)
                .map_or(key, |k| k.names[0])
                .to_owned(),
        }
    }
}

/// Splits a list cell on newlines, `,` `，` `;` `；` `|` `、`.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split(['\n', '\r', ',', '，', ';', '；', '|', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
