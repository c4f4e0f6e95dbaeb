//! Campaigns: reading is for viewers; writing, planning and launching for operators.
pub mod assignments;
pub mod cancel;
pub mod create;
pub mod delete;
pub mod export;
pub mod get;
pub mod launch;
pub mod list;
pub mod pause;
pub mod plan;
pub mod progress;
pub mod qr_sheet;
pub mod reminders;
pub mod resume;
pub mod stats_export;
pub mod update;

/// The zone of campaigns' daily windows, by name.
pub(crate) fn tz(state: &crate::AppState) -> String {
    state.app.settings.stats_timezone.name().to_owned()
}
