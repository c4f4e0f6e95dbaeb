use serde::Serialize;
use utoipa::ToSchema;

/// Every problem `code` the API answers with: stable, snake_case, meant for
/// programs and for translation in the console (a test fails when one is
/// never produced).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema, strum::EnumIter, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    Unauthorized,
    InvalidCredentials,
    NotFound,
    VersionConflict,
    ValidationFailed,
    BadRequest,
    Conflict,
    PayloadTooLarge,
    XhsNotConfigured,
    XhsRejected,
    XhsTimeout,
    XhsUnavailable,
    RobotsNotConfigured,
    RobotsRejected,
    RobotsTimeout,
    RobotsUnavailable,
    LinkRevoked,
    LinkExpired,
    PostDeleted,
    RateLimited,
    UnsupportedMediaType,
    UndecodableMedia,
    MediaInUse,
    TaskState,
    Internal,
    /// A share platform (Douyin) has no credentials here; `platform` names it.
    PlatformNotConfigured,
    PlatformRejected,
    PlatformTimeout,
    PlatformUnavailable,
    /// The path exists, the method does not (`Allow` lists those that do).
    MethodNotAllowed,
    /// The database does not answer; retry later.
    DatabaseUnavailable,
    /// A review step asked of a note in another state; `review_status` says which.
    InvalidReviewState,
    /// Approval is on and the note is not approved (links, dispatch, share pages).
    PostNotApproved,
    /// The caller's role is below the operation's; `required_role` names it
    /// (absent on `/metrics` from an address outside `metrics.allow`).
    Forbidden,
    /// The change would leave no enabled admin.
    LastAdmin,
    /// The share link opens later; `opens_at` says when.
    LinkNotOpenYet,
    /// The share link is held by a paused campaign: it opens when the
    /// campaign is resumed (no time is known).
    LinkPaused,
    /// Too many share-page events wait to be written; retry after
    /// `Retry-After` seconds (nothing of this request was stored).
    EventQueueFull,
    /// The media store is full or read-only (507): nothing of the upload
    /// was kept; retry once space is back.
    InsufficientStorage,
    /// A campaign's schedule is too short (422): `shortfalls` names each
    /// account and how many slots it lacks.
    ScheduleInfeasible,
    /// An upload with no bytes at all (422): choose the file again, or
    /// export it again on the phone.
    EmptyFile,
    /// A HEIC/HEIF photo that cannot be decoded (422): save it as JPEG on
    /// the phone (or set the camera to 兼容性最佳) and upload that.
    HeicUndecodable,
    /// A campaign step asked of a campaign in another state (409);
    /// `campaign_status` says where it is.
    CampaignState,
    /// No usable CJK font for QR sheets (503); the detail names the setting
    /// `XHSPUB__PRINT__FONT_PATH`.
    FontNotConfigured,
}
