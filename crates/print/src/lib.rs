//! Printed sheets: A4 PDFs of QR-code cards for a class or a team, with
//! names and titles as real text (selectable, searchable) in an embedded,
//! subset CJK font. Pure rendering: the cards come from the use cases.
pub mod font;
pub mod layout;
pub mod sheet;
mod text;

pub use font::{FontError, FontSource, LoadedFont, FONT_SETTING};
pub use layout::PerPage;
pub use sheet::{render, Card, PrintError};
