//! Notes from a spreadsheet (issue 20 item 1): reading and checking the rows
//! (`post_rows.rs`, variants in `post_variants.rs`, downloads in
//! `fetch_rows.rs`) and writing them (`post_import.rs`).
pub use super::post_import::import;
pub use super::post_rows::{check, Checked, PostRow, Rows, COLUMNS};
