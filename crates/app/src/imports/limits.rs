//! The bounds of one import: what a person fills in by hand, with room to
//! spare, and far below what would strain the server.

/// Data rows (the header not counted).
pub const MAX_ROWS: usize = 5_000;
/// Columns read per row; any further ones are ignored.
pub const MAX_COLUMNS: usize = 64;
/// Cells the .xlsx reader looks at before it refuses the sheet (empty,
/// formatted cells included: a sheet formatted down to row 1 048 576).
pub const MAX_CELLS: usize = 200_000;
/// What a workbook's parts may unpack to in all (a zip bomb is refused).
pub const MAX_UNZIPPED_BYTES: u64 = 64 * 1024 * 1024;
/// The header row is found among this many first non-empty rows (a merged
/// title row above it is fine).
pub const MAX_HEADER_ROW: usize = 5;
/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
