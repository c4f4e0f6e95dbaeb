//! One error type for the HTTP layer, mapped to RFC 9457 problem+json in one place.
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;
use xhs_domain::{FieldError, ValidationErrors};
use xhs_persistence::PersistenceError;
use xhs_signing::SigningError;

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
    #[schema(example = "validation_failed")]
    pub code: &'static str,
    pub detail: String,
    /// On 422 (and 400 where a field is known): every failing field with its rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// On 409 `version_conflict`: the version now stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
}

/// One failing field of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    /// The field, e.g. `title` or `image_urls[2]`.
    pub field: String,
    /// The rule it broke, e.g. `max_chars`, `absolute_http_url`, `required`.
    pub rule: String,
    pub message: String,
    /// For counting rules: what was counted (characters, topics, images).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// For counting rules: the bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl From<FieldError> for ProblemField {
    fn from(e: FieldError) -> Self {
        Self {
            field: e.field,
            rule: e.rule.to_owned(),
            message: e.message,
            actual: e.actual,
            limit: e.limit,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("authentication required")]
    Unauthorized,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("{0} not found")]
    NotFound(&'static str),
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
    #[error("{1}")]
    Gone(&'static str, &'static str),
    #[error("too many requests; retry in {0} s")]
    RateLimited(u64),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    UndecodableMedia(String),
    #[error("the media is used by {posts} post(s); remove it from them first")]
    MediaInUse { posts: u64 },
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthorized => "unauthorized",
            Self::InvalidCredentials => "invalid_credentials",
            Self::NotFound(_) => "not_found",
            Self::VersionConflict { .. } => "version_conflict",
            Self::Validation(_) => "validation_failed",
            Self::BadRequest { .. } => "bad_request",
            Self::Conflict => "conflict",
            Self::PayloadTooLarge(_) => "payload_too_large",
            Self::XhsNotConfigured => "xhs_not_configured",
            Self::XhsRejected(_) => "xhs_rejected",
            Self::XhsTimeout => "xhs_timeout",
            Self::XhsUnavailable(_) => "xhs_unavailable",
            Self::Gone(code, _) => code,
            Self::RateLimited(_) => "rate_limited",
            Self::UnsupportedMediaType(_) => "unsupported_media_type",
            Self::UndecodableMedia(_) => "undecodable_media",
            Self::MediaInUse { .. } => "media_in_use",
            Self::Internal(_) => "internal",
        }
    }

    /// Every code the API can answer with (a test checks each is reachable).
    pub const CODES: &'static [&'static str] = &[
        "unauthorized",
        "invalid_credentials",
        "not_found",
        "version_conflict",
        "validation_failed",
        "bad_request",
        "conflict",
        "payload_too_large",
        "xhs_not_configured",
        "xhs_rejected",
        "xhs_timeout",
        "xhs_unavailable",
        "unsupported_media_type",
        "undecodable_media",
        "media_in_use",
        "internal",
    ];

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
            Self::Validation(v) => (
                Some(v.0.iter().cloned().map(ProblemField::from).collect()),
                None,
            ),
            Self::BadRequest {
                field: Some(f),
                message,
            } => (
                Some(vec![ProblemField {
                    field: f.clone(),
                    rule: "well_formed".into(),
                    message: message.clone(),
                    actual: None,
                    limit: None,
                }]),
                None,
            ),
            Self::VersionConflict { current_version } => (None, Some(*current_version)),
            _ => (None, None),
        };
        let detail = match self {
            Self::Validation(v) => {
                v.0.iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            // 5xx bodies never carry a cause.
            Self::Internal(_) => "an internal error occurred; it has been logged".to_owned(),
            other => other.to_string(),
        };
        Problem {
            problem_type: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            code: self.code(),
            detail,
            errors,
            current_version,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthorized | Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::VersionConflict { .. } | Self::Conflict => StatusCode::CONFLICT,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::XhsNotConfigured => StatusCode::SERVICE_UNAVAILABLE,
            Self::XhsRejected(_) | Self::XhsUnavailable(_) => StatusCode::BAD_GATEWAY,
            Self::XhsTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::Gone(..) => StatusCode::GONE,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::UndecodableMedia(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::MediaInUse { .. } => StatusCode::CONFLICT,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(cause = %cause, "request failed");
        }
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("application/problem+json");
        if matches!(self, Self::Unauthorized | Self::InvalidCredentials) {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        if let Self::RateLimited(secs) = self {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        res.json(self.problem())
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(v: ValidationErrors) -> Self {
        Self::Validation(v)
    }
}

impl From<PersistenceError> for ApiError {
    fn from(e: PersistenceError) -> Self {
        match e {
            PersistenceError::UniqueViolation => Self::Conflict,
            other => Self::Internal(format!("{other}: {:?}", std::error::Error::source(&other))),
        }
    }
}

impl From<SigningError> for ApiError {
    fn from(e: SigningError) -> Self {
        match e {
            SigningError::NotConfigured => Self::XhsNotConfigured,
            SigningError::Rejected { message } | SigningError::NoToken { message } => {
                Self::XhsRejected(message)
            }
            SigningError::Timeout => Self::XhsTimeout,
            SigningError::Transport(m) => Self::XhsUnavailable(m),
            SigningError::Store(m) => Self::Internal(m),
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
            other => Self::Internal(other.to_string()),
        }
    }
}
