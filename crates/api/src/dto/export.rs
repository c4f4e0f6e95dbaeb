//! The queries of the exports: a file format, the list's filters, and for
//! statistics a range of days.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use xhs_domain::campaign::AssignmentStatus;
use xhs_domain::{AuditAction, AuditTarget, ExportFormat};

/// The file to write.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `xlsx` (the default) or `csv` (UTF-8 with a byte-order mark).
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

/// The file to write and the assignment list's filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssignmentExportQuery {
    /// `xlsx` (the default) or `csv` (UTF-8 with a byte-order mark).
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
    #[param(value_type = Option<AssignmentStatus>)]
    pub status: Option<String>,
    pub post_id: Option<i64>,
    pub account_id: Option<i64>,
    /// Accounts of this group.
    pub group_id: Option<i64>,
}

/// The file to write and the days it covers.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsExportQuery {
    /// `xlsx` (the default) or `csv` (UTF-8 with a byte-order mark).
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
    /// The first day, `YYYY-MM-DD` in the statistics' time zone (required).
    #[param(max_length = 10, example = "2026-12-01")]
    pub from: Option<String>,
    /// The last day, included; at most 366 days after `from` counted with it.
    #[param(max_length = 10, example = "2026-12-31")]
    pub to: Option<String>,
}

impl From<StatsExportQuery> for xhs_app::exports::StatsExportQuery {
    fn from(q: StatsExportQuery) -> Self {
        Self {
            format: q.format,
            from: q.from,
            to: q.to,
        }
    }
}

/// The file to write and the audit log's filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditExportQuery {
    /// `xlsx` (the default) or `csv` (UTF-8 with a byte-order mark).
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
    /// Exactly this actor (a username, or `token:<name>`).
    #[param(max_length = 80)]
    pub actor: Option<String>,
    #[param(value_type = Option<AuditAction>)]
    pub action: Option<String>,
    #[param(value_type = Option<AuditTarget>)]
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    /// From this instant on (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Before this instant (exclusive).
    pub to: Option<DateTime<Utc>>,
}
