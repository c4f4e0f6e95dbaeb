//! The robot-account provider: a merchant API that drives real XHS accounts
//! on devices (XHS_FACTS section 5). Every call carries `Merchant-Token`;
//! the base URL and every function path are configuration, so an operator can
//! match the real provider without a code change. All knowledge of the
//! provider's protocol (paths, bodies, how a robot row reads) lives here.
mod client;
mod inbound;
mod row;

pub use client::{NoteRequest, RobotClient, RobotError, RobotsConfig};
pub use inbound::{CallbackFields, RobotEvent, TaskResult};
pub use row::{RobotPage, RobotRow};

/// The answer code of a call over one of the provider's limits.
pub const RATE_LIMITED_CODE: i64 = 9400;
