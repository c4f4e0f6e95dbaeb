//! What a use case can fail with. `xhs-api` maps each variant to HTTP in one
//! place; nothing here knows a status code.
use serde::Serialize;
use utoipa::ToSchema;
use xhs_domain::ValidationErrors;
use xhs_persistence::PersistenceError;
use xhs_signing::SigningError;

/// The things a request can name that may not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Resource {
    Post,
    Link,
    Account,
    Record,
    Media,
    Task,
    Route,
    /// A saved version of a post (`/api/posts/{id}/versions/{version}`).
    PostVersion,
    User,
    Token,
    /// A group of accounts (`/api/groups/{id}`).
    Group,
    /// A variant of a post (`/api/posts/{id}/variants/{variant_id}`).
    Variant,
    /// A campaign (`/api/campaigns/{id}`).
    Campaign,
    /// One assignment of a campaign (`/api/campaigns/{id}/assignments/{assignment_id}`).
    Assignment,
    /// A webhook endpoint (`/api/webhooks/{id}`).
    Webhook,
    /// One delivery of an endpoint (`/api/webhooks/{id}/deliveries/{delivery_id}`).
    WebhookDelivery,
}

/// An account a campaign's schedule has no room for, with its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    pub account_id: i64,
    pub account_name: String,
    pub needed: u32,
    pub available: u32,
}

/// Why a share link no longer serves its note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoneReason {
    LinkRevoked,
    LinkExpired,
    PostDeleted,
}

/// An outside platform the server talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Platform {
    Xhs,
    /// Douyin's open platform (client token and ticket).
    Douyin,
    /// The robot-account provider.
    Robots,
}

/// How a platform call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformFailure {
    /// No credentials are configured.
    NotConfigured,
    /// The platform refused (its message).
    Rejected(String),
    /// It did not answer in time.
    Timeout,
    /// It could not be reached.
    Unreachable(String),
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{} not found", <&str>::from(*.0))]
    NotFound(Resource),
    #[error("{0:?}")]
    Gone(GoneReason),
    #[error("the request breaks {} rule(s)", .0.0.len())]
    Validation(ValidationErrors),
    #[error("changed by someone else (now version {current_version})")]
    VersionConflict { current_version: i32 },
    #[error("a row with the same key exists")]
    Conflict,
    #[error("the media is used by {posts} post(s); remove it from them first")]
    MediaInUse { posts: u64 },
    #[error("the task is {status} and cannot do that")]
    TaskState { status: xhs_domain::TaskStatus },
    /// A review step asked of a note in another state.
    #[error("the note is {status}; this needs it {needed}")]
    ReviewState {
        status: xhs_domain::ReviewStatus,
        needed: xhs_domain::ReviewStatus,
    },
    /// Approval is on and the note is not approved.
    #[error("the note is {status}, not approved")]
    PostNotApproved { status: xhs_domain::ReviewStatus },
    #[error("wrong username or password")]
    InvalidCredentials,
    /// Too many failed logins in a row for this user.
    #[error("locked for {retry_after_secs} s after too many failed logins")]
    LoginLocked { retry_after_secs: u64 },
    #[error("no live session")]
    Unauthenticated,
    /// The change would leave no enabled admin.
    #[error("the last enabled admin cannot be demoted or disabled")]
    LastAdmin,
    /// The link opens later (a campaign's time); nothing is handed over before.
    #[error("this link opens at {opens_at}")]
    LinkNotOpenYet {
        opens_at: chrono::DateTime<chrono::Utc>,
    },
    /// The link is held by a paused campaign: it opens when the campaign
    /// is resumed, at a time nobody knows yet.
    #[error("this link's campaign is paused")]
    LinkPaused,
    /// The schedule has too few slots for these accounts (none dropped).
    #[error("the schedule has too few slots for {} account(s)", .0.len())]
    ScheduleInfeasible(Vec<Shortfall>),
    /// A campaign step asked of a campaign in another state.
    #[error("the campaign is {status}{}", if *.paused { " (paused)" } else { "" })]
    CampaignState {
        status: xhs_domain::campaign::CampaignStatus,
        paused: bool,
    },
    #[error("{platform:?}: {failure:?}")]
    PlatformUnavailable {
        platform: Platform,
        failure: PlatformFailure,
    },
    #[error(transparent)]
    Media(#[from] xhs_media::MediaError),
    #[error("storage: {0}")]
    Storage(String),
    /// The database is out of reach (the cause is logged here, not shown).
    #[error("the database is unavailable")]
    DatabaseUnavailable,
    /// The queue of events waiting to be written is full; retry shortly.
    #[error("too many events are waiting to be written")]
    EventQueueFull,
    /// No usable CJK font for printing (`print.font_path`); the cause is logged.
    #[error("no CJK font is configured for printing")]
    FontNotConfigured,
}

impl AppError {
    /// An unexpected failure whose cause is logged, never shown.
    pub fn storage(cause: impl std::fmt::Display) -> Self {
        Self::Storage(cause.to_string())
    }
}

impl From<ValidationErrors> for AppError {
    fn from(v: ValidationErrors) -> Self {
        Self::Validation(v)
    }
}

impl From<xhs_domain::FieldError> for AppError {
    fn from(e: xhs_domain::FieldError) -> Self {
        Self::Validation(ValidationErrors(vec![e]))
    }
}

impl From<PersistenceError> for AppError {
    fn from(e: PersistenceError) -> Self {
        match e {
            PersistenceError::UniqueViolation => Self::Conflict,
            PersistenceError::Unavailable(cause) => {
                tracing::warn!(error = %cause, "database unavailable");
                Self::DatabaseUnavailable
            }
            other => Self::Storage(format!("{other}: {:?}", std::error::Error::source(&other))),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        PersistenceError::from(e).into()
    }
}

impl From<xhs_robots::RobotError> for AppError {
    fn from(e: xhs_robots::RobotError) -> Self {
        use xhs_robots::RobotError;
        let failure = match e {
            RobotError::RateLimited(m) | RobotError::Rejected { msg: m, .. } => {
                PlatformFailure::Rejected(m)
            }
            RobotError::Timeout => PlatformFailure::Timeout,
            RobotError::Transport(m) | RobotError::Malformed(m) => PlatformFailure::Unreachable(m),
        };
        Self::PlatformUnavailable {
            platform: Platform::Robots,
            failure,
        }
    }
}

impl From<SigningError> for AppError {
    fn from(e: SigningError) -> Self {
        Self::platform(Platform::Xhs, e)
    }
}

impl AppError {
    /// A token or signature failure of `platform`.
    pub fn platform(platform: Platform, e: SigningError) -> Self {
        let failure = match e {
            SigningError::NotConfigured => PlatformFailure::NotConfigured,
            SigningError::Rejected { message } | SigningError::NoToken { message } => {
                PlatformFailure::Rejected(message)
            }
            SigningError::Timeout => PlatformFailure::Timeout,
            SigningError::Transport(m) => PlatformFailure::Unreachable(m),
            SigningError::Store(m) => return Self::Storage(m),
        };
        Self::PlatformUnavailable { platform, failure }
    }
}
