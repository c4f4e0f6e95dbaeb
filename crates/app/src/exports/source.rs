//! Where an export's rows come from: each source reads the next keyset page
//! and turns it into cells, until it has none left.
use super::table::Cell;
use super::{audit, campaign, links, stats};
use crate::{AppResult, Services};

/// The rows of one export, a page at a time.
pub(crate) enum Source {
    Assignments(campaign::Pages),
    Links(links::Pages),
    Days(stats::Days),
    Audit(audit::Pages),
}

impl Source {
    /// The next page of rows; None once every row was given.
    pub(crate) async fn next(&mut self, s: &Services) -> AppResult<Option<Vec<Vec<Cell>>>> {
        match self {
            Self::Assignments(p) => p.next(s).await,
            Self::Links(p) => p.next(s).await,
            Self::Days(d) => d.next(s).await,
            Self::Audit(p) => p.next(s).await,
        }
    }
}
