//! One error type for the HTTP layer, mapped to RFC 9457 problem+json in one place.
use xhs_app::{GoneReason, Platform, PlatformFailure, Resource};
use xhs_domain::{ReviewStatus, Role, ValidationErrors};

mod code;
mod convert;
mod problem;
mod response;

pub use code::ErrorCode;
use convert::gone_detail;
pub use problem::{Problem, ProblemField};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("authentication required")]
    Unauthorized,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("{} not found", <&str>::from(*.0))]
    NotFound(Resource),
    #[error("the post was changed by someone else (now version {current_version})")]
    VersionConflict { current_version: i32 },
    #[error("the request breaks {} rule(s)", .0.0.len())]
    Validation(ValidationErrors),
    #[error("{message}")]
    BadRequest {
        field: Option<String>,
        message: String,
    },
    #[error("a row with the same key exists")]
    Conflict,
    #[error("the body is larger than the {0} bytes this endpoint takes")]
    PayloadTooLarge(usize),
    #[error("XHS share credentials are not configured (xhs.app_key / xhs.app_secret)")]
    XhsNotConfigured,
    #[error("XHS refused the access-token request: {0}")]
    XhsRejected(String),
    #[error("XHS did not answer in time")]
    XhsTimeout,
    #[error("XHS could not be reached: {0}")]
    XhsUnavailable(String),
    #[error("the robot provider is not configured (robots.base_url / robots.merchant_token)")]
    RobotsNotConfigured,
    #[error("the robot provider refused: {0}")]
    RobotsRejected(String),
    #[error("the robot provider did not answer in time")]
    RobotsTimeout,
    #[error("the robot provider could not be reached: {0}")]
    RobotsUnavailable(String),
    #[error("{}", gone_detail(*.0))]
    Gone(GoneReason),
    #[error("too many requests; retry in {0} s")]
    RateLimited(u64),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    UndecodableMedia(String),
    #[error("the file is empty")]
    EmptyFile,
    #[error("the HEIC/HEIF photo cannot be decoded; save it as JPEG and upload that")]
    HeicUndecodable,
    #[error("the media is used by {posts} post(s); remove it from them first")]
    MediaInUse { posts: u64 },
    #[error("the task is {0} and cannot do that")]
    TaskState(xhs_domain::TaskStatus),
    #[error("the note is {status}; only a note {needed} can do that")]
    InvalidReviewState {
        status: ReviewStatus,
        needed: ReviewStatus,
    },
    #[error("the note is {0}: it must be approved first (it is being revised)")]
    PostNotApproved(ReviewStatus),
    #[error("internal error")]
    Internal(String),
    /// The methods the path answers, for `Allow`.
    #[error("this path does not answer {method}; it answers {allow}")]
    MethodNotAllowed { method: String, allow: String },
    #[error("the database is unavailable")]
    DatabaseUnavailable,
    /// The caller's role does not include the one the operation needs.
    #[error("this needs the role {0} or higher")]
    Forbidden(Role),
    /// `/metrics` from an address outside `metrics.allow` (and no token is configured).
    #[error("this address may not read the metrics")]
    AddressNotAllowed,
    #[error("the last enabled admin cannot be demoted or disabled")]
    LastAdmin,
    #[error("this link opens at {0}")]
    LinkNotOpenYet(chrono::DateTime<chrono::Utc>),
    #[error("this link's campaign is paused; it opens when the campaign is resumed")]
    LinkPaused,
    #[error("too many events are waiting to be written; retry shortly")]
    EventQueueFull,
    #[error("{}", infeasible_detail(.0))]
    ScheduleInfeasible(Vec<xhs_app::Shortfall>),
    #[error("the campaign is {status}{}; it cannot do that now", if *.paused { " (paused)" } else { "" })]
    CampaignState {
        status: xhs_domain::campaign::CampaignStatus,
        paused: bool,
    },
    #[error("no CJK font to print with: set XHSPUB__PRINT__FONT_PATH (print.font_path) to a TTF/OTF/TTC with Chinese glyphs, or install Noto Sans CJK or WenQuanYi Zen Hei")]
    FontNotConfigured,
    /// The media store is full or read-only; the cause goes to the log only.
    #[error("the media store is full or read-only: nothing was stored")]
    InsufficientStorage(String),
    /// A share platform's token or ticket could not be had. Its own message
    /// goes to the log only.
    #[error("{}", platform_detail(*platform, failure))]
    Platform {
        platform: Platform,
        failure: PlatformFailure,
    },
}

fn infeasible_detail(short: &[xhs_app::Shortfall]) -> String {
    let mut names: Vec<String> = short
        .iter()
        .take(5)
        .map(|s| {
            format!(
                "{} ({} slot(s) short)",
                s.account_name,
                s.needed.saturating_sub(s.available)
            )
        })
        .collect();
    if short.len() > 5 {
        names.push(format!("and {} more", short.len() - 5));
    }
    format!(
        "the schedule has too few slots for {} account(s): {}; widen the window or the dates, or raise the day limit",
        short.len(),
        names.join(", ")
    )
}

fn platform_detail(p: Platform, f: &PlatformFailure) -> String {
    let name: &str = p.into();
    match f {
        PlatformFailure::NotConfigured => format!("{name} is not configured on this server"),
        PlatformFailure::Rejected(_) => format!("{name} refused the request"),
        PlatformFailure::Timeout => format!("{name} did not answer in time"),
        PlatformFailure::Unreachable(_) => format!("{name} could not be reached"),
    }
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Unauthorized => ErrorCode::Unauthorized,
            Self::InvalidCredentials => ErrorCode::InvalidCredentials,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::VersionConflict { .. } => ErrorCode::VersionConflict,
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::BadRequest { .. } => ErrorCode::BadRequest,
            Self::Conflict => ErrorCode::Conflict,
            Self::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            Self::XhsNotConfigured => ErrorCode::XhsNotConfigured,
            Self::XhsRejected(_) => ErrorCode::XhsRejected,
            Self::XhsTimeout => ErrorCode::XhsTimeout,
            Self::XhsUnavailable(_) => ErrorCode::XhsUnavailable,
            Self::RobotsNotConfigured => ErrorCode::RobotsNotConfigured,
            Self::RobotsRejected(_) => ErrorCode::RobotsRejected,
            Self::RobotsTimeout => ErrorCode::RobotsTimeout,
            Self::RobotsUnavailable(_) => ErrorCode::RobotsUnavailable,
            Self::Gone(GoneReason::LinkRevoked) => ErrorCode::LinkRevoked,
            Self::Gone(GoneReason::LinkExpired) => ErrorCode::LinkExpired,
            Self::Gone(GoneReason::PostDeleted) => ErrorCode::PostDeleted,
            Self::RateLimited(_) => ErrorCode::RateLimited,
            Self::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            Self::UndecodableMedia(_) => ErrorCode::UndecodableMedia,
            Self::EmptyFile => ErrorCode::EmptyFile,
            Self::HeicUndecodable => ErrorCode::HeicUndecodable,
            Self::MediaInUse { .. } => ErrorCode::MediaInUse,
            Self::TaskState(_) => ErrorCode::TaskState,
            Self::InvalidReviewState { .. } => ErrorCode::InvalidReviewState,
            Self::PostNotApproved(_) => ErrorCode::PostNotApproved,
            Self::Internal(_) => ErrorCode::Internal,
            Self::Platform { failure, .. } => match failure {
                PlatformFailure::NotConfigured => ErrorCode::PlatformNotConfigured,
                PlatformFailure::Rejected(_) => ErrorCode::PlatformRejected,
                PlatformFailure::Timeout => ErrorCode::PlatformTimeout,
                PlatformFailure::Unreachable(_) => ErrorCode::PlatformUnavailable,
            },
            Self::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            Self::DatabaseUnavailable => ErrorCode::DatabaseUnavailable,
            Self::Forbidden(_) | Self::AddressNotAllowed => ErrorCode::Forbidden,
            Self::LastAdmin => ErrorCode::LastAdmin,
            Self::LinkNotOpenYet(_) => ErrorCode::LinkNotOpenYet,
            Self::LinkPaused => ErrorCode::LinkPaused,
            Self::EventQueueFull => ErrorCode::EventQueueFull,
            Self::InsufficientStorage(_) => ErrorCode::InsufficientStorage,
            Self::ScheduleInfeasible(_) => ErrorCode::ScheduleInfeasible,
            Self::CampaignState { .. } => ErrorCode::CampaignState,
            Self::FontNotConfigured => ErrorCode::FontNotConfigured,
        }
    }

    /// Whether the same request may succeed later (see [`Problem::retryable`]).
    pub fn retryable(&self) -> bool {
        match self {
            Self::RateLimited(_)
            | Self::Internal(_)
            | Self::DatabaseUnavailable
            | Self::EventQueueFull
            | Self::InsufficientStorage(_)
            | Self::XhsTimeout
            | Self::XhsUnavailable(_)
            | Self::RobotsTimeout
            | Self::RobotsUnavailable(_) => true,
            Self::Platform { failure, .. } => matches!(
                failure,
                PlatformFailure::Timeout | PlatformFailure::Unreachable(_)
            ),
            _ => false,
        }
    }

    pub fn bad_request(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::BadRequest {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }
}
