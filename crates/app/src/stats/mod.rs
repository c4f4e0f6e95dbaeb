//! What happened: totals of share-page events per post, link, account and
//! platform, the dashboard, the publish records each account moves through,
//! the queue that writes share-page events in group commits, and the gauges
//! a metrics scrape samples.
pub mod dashboard;
pub mod event_queue;
pub mod gauges;
pub mod records;
mod totals;

pub use totals::*;
