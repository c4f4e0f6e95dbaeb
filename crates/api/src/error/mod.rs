//! One error type for the HTTP layer, mapped to RFC 9457 problem+json in one place.
use actix_web::ResponseError;
use serde::Serialize;
use utoipa::ToSchema;
use xhs_app::{GoneReason, Platform, PlatformFailure, Resource};
use xhs_domain::{FieldError, ReviewStatus, Role, Rule, ValidationErrors};

mod code;
mod convert;
mod response;

pub use code::ErrorCode;
use convert::gone_detail;

/// An RFC 9457 problem document. `code` is stable and meant for programs (and
/// translation in the console); `detail` is for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: `code` carries the kind.
    #[serde(rename = "type")]
    #[schema(example = "about:blank")]
    pub problem_type: &'static str,
    /// The HTTP status text.
    pub title: String,
    pub status: u16,
    /// Stable snake_case code, e.g. `validation_failed`, `version_conflict`.
    pub code: ErrorCode,
    pub detail: String,
    /// True only when the same request may succeed later unchanged: a
    /// transient cause (429 rate limited, a full media store, a timeout, a
    /// server or outside-service fault). False for what the request itself
    /// must change (too large, wrong type, empty or broken file, invalid
    /// fields): a client offers "retry" only when this is true.
    pub retryable: bool,
    /// On 422 (and 400 where a field is known): every failing field with its rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// On 404 `not_found`: what was not found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
    /// On 409 `version_conflict`: the version now stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// On `platform_*` codes: the platform that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// On 409 `invalid_review_state` and `post_not_approved`: where the note stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_status: Option<ReviewStatus>,
    /// On 403 `forbidden`: the least role the operation needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_role: Option<Role>,
    /// On 409 `link_not_open_yet`: when the link opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    /// On 422 `schedule_infeasible`: every account the schedule has no room for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfalls: Option<Vec<ProblemShortfall>>,
    /// On 409 `campaign_state`: where the campaign stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_status: Option<xhs_domain::campaign::CampaignStatus>,
}

/// An account a campaign's schedule has no room for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemShortfall {
    pub account_id: i64,
    pub account_name: String,
    /// Slots the account needs (its notes in this campaign).
    pub needed: u32,
    /// Slots free for it (its other campaigns and robot tasks counted).
    pub available: u32,
    /// `needed - available`.
    pub lacking: u32,
}

impl From<&xhs_app::Shortfall> for ProblemShortfall {
    fn from(s: &xhs_app::Shortfall) -> Self {
        Self {
            account_id: s.account_id,
            account_name: s.account_name.clone(),
            needed: s.needed,
            available: s.available,
            lacking: s.needed.saturating_sub(s.available),
        }
    }
}

/// One failing field of a request: the domain's field error, which is also
/// the document's `ProblemField`.
pub type ProblemField = FieldError;

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

    fn problem(&self) -> Problem {
        let status = self.status_code();
        let (errors, current_version) = match self {
            Self::Validation(v) => (Some(v.0.clone()), None),
            Self::BadRequest {
                field: Some(f),
                message,
            } => (
                Some(vec![FieldError::new(
                    f.clone(),
                    Rule::WellFormed,
                    message.clone(),
                )]),
                None,
            ),
            Self::VersionConflict { current_version } => (None, Some(*current_version)),
            Self::ScheduleInfeasible(short) => (
                Some(
                    short
                        .iter()
                        .map(|s| {
                            FieldError::new(
                                "schedule",
                                Rule::Range,
                                format!(
                                    "account {} ({}) needs {} slot(s); the schedule has {}",
                                    s.account_id, s.account_name, s.needed, s.available
                                ),
                            )
                            .counts(s.needed as usize, s.available as usize)
                        })
                        .collect(),
                ),
                None,
            ),
            _ => (None, None),
        };
        let resource = match self {
            Self::NotFound(r) => Some(*r),
            _ => None,
        };
        let detail = match self {
            Self::Validation(v) => {
                v.0.iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            // 5xx bodies never carry a cause, nor what an outside service
            // said (it may name internal hosts): the log has it, under the
            // request id of the x-request-id header.
            other => match public_detail(other) {
                Some(d) => d.to_owned(),
                None => other.to_string(),
            },
        };
        Problem {
            problem_type: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            code: self.code(),
            detail,
            retryable: self.retryable(),
            errors,
            resource,
            current_version,
            platform: match self {
                Self::Platform { platform, .. } => Some(*platform),
                _ => None,
            },
            review_status: match self {
                Self::InvalidReviewState { status, .. } | Self::PostNotApproved(status) => {
                    Some(*status)
                }
                _ => None,
            },
            required_role: match self {
                Self::Forbidden(r) => Some(*r),
                _ => None,
            },
            opens_at: match self {
                Self::LinkNotOpenYet(t) => Some(*t),
                _ => None,
            },
            shortfalls: match self {
                Self::ScheduleInfeasible(short) => Some(short.iter().map(Into::into).collect()),
                _ => None,
            },
            campaign_status: match self {
                Self::CampaignState { status, .. } => Some(*status),
                _ => None,
            },
        }
    }
}

/// What a person is told on a 5xx, in the share page's language: never the
/// cause (`None`: the message carries nothing internal).
fn public_detail(e: &ApiError) -> Option<&'static str> {
    Some(match e {
        ApiError::Internal(_) => "服务器内部错误，已记录，请稍后再试",
        ApiError::XhsRejected(_) => "小红书拒绝了签名请求，请联系管理员",
        ApiError::XhsUnavailable(_) | ApiError::XhsTimeout => "暂时连不上小红书，请稍后再试",
        ApiError::RobotsRejected(_) => "机器人服务商拒绝了请求，详情见服务器日志",
        ApiError::RobotsUnavailable(_) | ApiError::RobotsTimeout => {
            "暂时连不上机器人服务商，请稍后再试"
        }
        ApiError::DatabaseUnavailable => "数据库暂时不可用，请稍后再试",
        ApiError::EventQueueFull => "服务器繁忙，请稍后再试",
        ApiError::InsufficientStorage(_) => "媒体存储空间已满或只读，文件未保存，请联系管理员",
        _ => return None,
    })
}
