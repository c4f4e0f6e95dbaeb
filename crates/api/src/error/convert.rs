//! How the application's errors (and the media pipeline's) become HTTP errors.
use super::ApiError;
use xhs_app::{AppError, GoneReason, Platform, PlatformFailure};
use xhs_domain::ValidationErrors;

impl From<ValidationErrors> for ApiError {
    fn from(v: ValidationErrors) -> Self {
        Self::Validation(v)
    }
}

pub(super) fn gone_detail(r: GoneReason) -> &'static str {
    match r {
        GoneReason::LinkRevoked => "this link was revoked by its owner",
        GoneReason::LinkExpired => "this link has expired",
        GoneReason::PostDeleted => "the note behind this link was deleted",
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound(r) => Self::NotFound(r),
            AppError::Gone(r) => Self::Gone(r),
            AppError::Validation(v) => Self::Validation(v),
            AppError::VersionConflict { current_version } => {
                Self::VersionConflict { current_version }
            }
            AppError::Conflict => Self::Conflict,
            AppError::MediaInUse { posts } => Self::MediaInUse { posts },
            AppError::InvalidCredentials => Self::InvalidCredentials,
            AppError::LoginLocked { retry_after_secs } => Self::RateLimited(retry_after_secs),
            AppError::TaskState { status } => Self::TaskState(status),
            AppError::ReviewState { status, needed } => Self::InvalidReviewState { status, needed },
            AppError::PostNotApproved { status } => Self::PostNotApproved(status),
            AppError::Unauthenticated => Self::Unauthorized,
            AppError::LastAdmin => Self::LastAdmin,
            AppError::LinkNotOpenYet { opens_at } => Self::LinkNotOpenYet(opens_at),
            AppError::LinkPaused => Self::LinkPaused,
            AppError::PlatformUnavailable {
                platform: Platform::Xhs,
                failure,
            } => match failure {
                PlatformFailure::NotConfigured => Self::XhsNotConfigured,
                PlatformFailure::Rejected(m) => Self::XhsRejected(m),
                PlatformFailure::Timeout => Self::XhsTimeout,
                PlatformFailure::Unreachable(m) => Self::XhsUnavailable(m),
            },
            AppError::PlatformUnavailable {
                platform: Platform::Robots,
                failure,
            } => match failure {
                PlatformFailure::NotConfigured => Self::RobotsNotConfigured,
                PlatformFailure::Rejected(m) => Self::RobotsRejected(m),
                PlatformFailure::Timeout => Self::RobotsTimeout,
                PlatformFailure::Unreachable(m) => Self::RobotsUnavailable(m),
            },
            AppError::PlatformUnavailable { platform, failure } => {
                Self::Platform { platform, failure }
            }
            AppError::Media(m) => m.into(),
            AppError::Storage(m) => Self::Internal(m),
            AppError::DatabaseUnavailable => Self::DatabaseUnavailable,
            AppError::EventQueueFull => Self::EventQueueFull,
            AppError::ScheduleInfeasible(short) => Self::ScheduleInfeasible(short),
            AppError::CampaignState { status, paused } => Self::CampaignState { status, paused },
            AppError::FontNotConfigured => Self::FontNotConfigured,
        }
    }
}

impl From<xhs_media::MediaError> for ApiError {
    fn from(e: xhs_media::MediaError) -> Self {
        use xhs_media::MediaError;
        match e {
            MediaError::Unsupported(m) => Self::UnsupportedMediaType(m),
            MediaError::TooLarge { limit, .. } => {
                Self::PayloadTooLarge(usize::try_from(limit).unwrap_or(usize::MAX))
            }
            MediaError::Undecodable(m) => Self::UndecodableMedia(m),
            MediaError::Empty => Self::EmptyFile,
            MediaError::HeicUndecodable(cause) => {
                // libheif's words help the log, not the person.
                tracing::info!(cause = %cause, "HEIC photo not decoded");
                Self::HeicUndecodable
            }
            MediaError::Full(m) => Self::InsufficientStorage(m),
            other => Self::Internal(other.to_string()),
        }
    }
}
