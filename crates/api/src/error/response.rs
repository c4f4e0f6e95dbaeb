//! How an [`ApiError`] answers: its status, its headers and its problem document.
use super::ApiError;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use xhs_app::PlatformFailure;

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthorized | Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::VersionConflict { .. } | Self::Conflict => StatusCode::CONFLICT,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::XhsNotConfigured | Self::RobotsNotConfigured => StatusCode::SERVICE_UNAVAILABLE,
            Self::RobotsRejected(_) | Self::RobotsUnavailable(_) => StatusCode::BAD_GATEWAY,
            Self::RobotsTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::XhsRejected(_) | Self::XhsUnavailable(_) => StatusCode::BAD_GATEWAY,
            Self::XhsTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::Gone(..) => StatusCode::GONE,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::UndecodableMedia(_) | Self::EmptyFile | Self::HeicUndecodable => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Self::MediaInUse { .. } | Self::TaskState(_) => StatusCode::CONFLICT,
            Self::InvalidReviewState { .. } | Self::PostNotApproved(_) => StatusCode::CONFLICT,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Platform { failure, .. } => match failure {
                PlatformFailure::NotConfigured => StatusCode::SERVICE_UNAVAILABLE,
                PlatformFailure::Timeout => StatusCode::GATEWAY_TIMEOUT,
                PlatformFailure::Rejected(_) | PlatformFailure::Unreachable(_) => {
                    StatusCode::BAD_GATEWAY
                }
            },
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::DatabaseUnavailable | Self::EventQueueFull => StatusCode::SERVICE_UNAVAILABLE,
            Self::Forbidden(_) | Self::AddressNotAllowed => StatusCode::FORBIDDEN,
            Self::LastAdmin | Self::LinkNotOpenYet(_) | Self::LinkPaused => StatusCode::CONFLICT,
            Self::InsufficientStorage(_) => StatusCode::INSUFFICIENT_STORAGE,
            Self::ScheduleInfeasible(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::CampaignState { .. } => StatusCode::CONFLICT,
            Self::FontNotConfigured => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(cause) => tracing::error!(cause = %cause, "request failed"),
            Self::InsufficientStorage(cause) => {
                tracing::error!(cause = %cause, "media store full or read-only")
            }
            Self::XhsRejected(cause)
            | Self::XhsUnavailable(cause)
            | Self::RobotsRejected(cause)
            | Self::RobotsUnavailable(cause) => {
                tracing::warn!(code = ?self.code(), cause = %cause, "outside service failed")
            }
            Self::Platform { platform, failure } => {
                tracing::warn!(?platform, ?failure, "share platform failed")
            }
            _ => {}
        }
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("application/problem+json");
        if matches!(self, Self::Unauthorized | Self::InvalidCredentials) {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        if let Self::RateLimited(secs) = self {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if let Self::MethodNotAllowed { allow, .. } = self {
            res.insert_header((header::ALLOW, allow.clone()));
        }
        if matches!(self, Self::DatabaseUnavailable) {
            // No connection came within the pool's wait: what a metric of
            // pool waits can see from here (sqlx counts no waiters).
            metrics::counter!("xhs_db_unavailable_total").increment(1);
            res.insert_header((header::RETRY_AFTER, "5"));
        }
        if matches!(self, Self::EventQueueFull) {
            // The queue drains in milliseconds; a second is plenty.
            res.insert_header((header::RETRY_AFTER, "1"));
        }
        res.json(self.problem())
    }
}
