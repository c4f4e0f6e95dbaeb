//! Campaigns: many notes to many accounts over days. This module is the
//! planner, pure and without I/O: the schedule and its checks, the pairing
//! of accounts and notes with their variants, the placement of every
//! assignment, and the check for moving one by hand.
mod check;
mod deal;
mod plan;
mod schedule;
mod slots;
mod window;

pub use check::{check_move, MoveError};
pub use deal::{deal, Pair, PlanAccount, PlanNote};
pub use plan::{plan, Placed, PlanError, PlanInput, Shortfall};
pub use schedule::{
    RawSchedule, RawWindow, Schedule, DEFAULT_MIN_GAP_MINUTES, DEFAULT_PER_ACCOUNT_PER_DAY,
    MAX_CAMPAIGN_DAYS, MAX_MIN_GAP_MINUTES, MAX_PER_ACCOUNT_PER_DAY,
};
pub use window::DailyWindow;

use crate::vocab::vocabulary;

vocabulary! {
    /// Where a campaign stands: `draft` (being written), `planned` (every
    /// assignment has an instant; it may be planned again), `running`
    /// (launched: links and robot tasks exist), then `finished` or `cancelled`.
    CampaignStatus { Draft, Planned, Running, Finished, Cancelled }
}

vocabulary! {
    /// Where one assignment stands: `planned` (an instant, nothing made yet),
    /// `scheduled` (its link or task waits for the instant), `open` (the link
    /// opens, or the task was sent), `opened` and `tapped` (the person's
    /// progress on the share page), `published`, `failed`, `cancelled`.
    AssignmentStatus { Planned, Scheduled, Open, Opened, Tapped, Published, Failed, Cancelled }
}

vocabulary! {
    /// How notes meet accounts: every account gets every note, or one note
    /// each, dealt out in turn.
    Pairing { EachAccountEveryPost, EachAccountOnePost }
}

vocabulary! {
    /// How an assignment reaches XHS: a share link a person opens, or a
    /// robot task.
    Channel { Link, Robot }
}
