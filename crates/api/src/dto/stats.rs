//! The query of the statistics endpoints of posts, links and accounts; the
//! statistics themselves are read models of the application layer.
use serde::Deserialize;
use utoipa::IntoParams;
pub use xhs_app::stats::Stats;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Days in the daily series, 1 to 365 (default 30).
    #[param(minimum = 1, maximum = 365)]
    pub days: Option<u32>,
}
