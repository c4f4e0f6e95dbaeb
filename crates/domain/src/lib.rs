//! The domain of xhs-publisher: notes (posts) as XHS accepts them, the rules the
//! XHS app enforces (checked before publishing), and the share payload.
//!
//! Pure Rust: no I/O, no web framework, no database. Every value that crosses
//! into the system is built by a `parse` that either returns a valid value or
//! says which field broke which rule.

mod body;
pub mod campaign;
mod check;
mod diff;
mod draft;
mod error;
mod image_list;
mod image_shape;
mod media_url;
mod note_url;
pub mod people;
mod platform;
mod post_type;
mod preflight;
mod share;
mod share_info;
mod text;
mod title;
mod vocab;
pub mod webhook;
mod xhs_id;

pub use body::{count_topics, Body, MAX_BODY_CHARS, MAX_TOPICS};
pub use check::Check;
pub use diff::{line_diff, DiffLine};
pub use draft::{PostDraft, RawPost};
pub use error::{FieldError, ValidationErrors};
pub use image_list::{parse_image_list_text, MAX_IMAGES};
pub use image_shape::image_shape_checks;
pub use media_url::MediaUrl;
pub use note_url::NoteUrl;
pub use platform::{hashtags, Handoff, PlatformVerdict, SharePlatform};
pub use post_type::PostType;
pub use preflight::{preflight, Preflight};
pub use share::{
    bounded_text, parse_account_kind, parse_note_url, EventKind, RecordStatus, ReportedEventKind,
};
pub use share_info::ShareInfo;
pub use strum::IntoEnumIterator;
pub use text::{check_instant, check_text, forbidden_control, MAX_NOTE_URL_CHARS, MAX_URL_CHARS};
pub use title::{Title, MAX_TITLE_CHARS};
pub use vocab::{
    AccountKind, ActorKind, AuditAction, AuditTarget, DiffOp, ExportFormat, Level, LinkStatus,
    MediaKind, ReviewStatus, RobotBlock, RobotFunction, Role, Rule, TaskStatus,
    WebhookDeliveryStatus,
};
pub use webhook::{EventData, WebhookEventType};
pub use xhs_id::{parse_xhs_id, MAX_XHS_ID_CHARS};

/// Counts characters the way the XHS app does: Unicode scalar values, so each
/// 汉字 or emoji code point is one.
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}
