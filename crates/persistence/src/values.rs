//! What the queries return: plain values typed with the domain's vocabulary,
//! so no caller sees a sea-orm model or a status string. The conversions from
//! the stored rows are the only place where those strings are read.
use crate::entities::{media, publish_record, robot_task, share_link, x_post, xhs_account};
use crate::PersistenceError;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use std::str::FromStr;
use xhs_domain::{
    AccountKind, MediaKind, PostType, RecordStatus, ReviewStatus, RobotFunction, SharePlatform,
    TaskStatus,
};

/// A stored timestamp (UTC without zone) as an instant.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t)
}

/// Reads a vocabulary column; a value outside the enum is a corrupt row.
pub(crate) fn parse<T: FromStr>(column: &'static str, v: &str) -> Result<T, PersistenceError> {
    T::from_str(v).map_err(|_| PersistenceError::Corrupt {
        column,
        value: v.chars().take(40).collect(),
    })
}

/// A note (`x_post`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: i64,
    pub post_type: PostType,
    pub title: String,
    pub content: String,
    pub cover_url: Option<String>,
    pub image_urls: Vec<String>,
    pub video_url: Option<String>,
    pub is_deleted: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub review_status: ReviewStatus,
    /// The last review's comment (a request for changes, or an approval's).
    pub review_comment: Option<String>,
    /// Who last approved or sent back the note, and when.
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

impl TryFrom<x_post::Model> for Post {
    type Error = PersistenceError;
    fn try_from(m: x_post::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            post_type: parse("x_post.type", &m.post_type)?,
            title: m.title.unwrap_or_default(),
            content: m.content.unwrap_or_default(),
            cover_url: m.cover_url,
            image_urls: m
                .image_urls
                .as_deref()
                .map(xhs_domain::parse_image_list_text)
                .unwrap_or_default(),
            video_url: m.video_url,
            is_deleted: m.is_deleted,
            version: m.version,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
            review_status: parse("x_post.review_status", &m.review_status)?,
            review_comment: m.review_comment,
            reviewed_by: m.reviewed_by,
            reviewed_at: m.reviewed_at.map(utc),
        })
    }
}

/// An XHS account a team publishes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub nickname: Option<String>,
    pub kind: AccountKind,
    pub notes: Option<String>,
    /// The 小红书号, when known.
    pub xhs_id: Option<String>,
    pub is_deleted: bool,
    /// The robot provider's id (kind `robot` only).
    pub provider_id: Option<String>,
    pub avatar_url: Option<String>,
    /// Robot states, as the last sync or pushed event said.
    pub online: bool,
    pub captcha: bool,
    pub enabled: bool,
    pub synced_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<xhs_account::Model> for Account {
    type Error = PersistenceError;
    fn try_from(m: xhs_account::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            kind: parse("xhs_account.kind", &m.kind)?,
            name: m.name,
            nickname: m.nickname,
            notes: m.notes,
            xhs_id: m.xhs_id,
            is_deleted: m.is_deleted,
            provider_id: m.provider_id,
            avatar_url: m.avatar_url,
            online: m.online,
            captcha: m.captcha,
            enabled: m.enabled,
            synced_at: m.synced_at.map(utc),
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        })
    }
}

/// A share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub id: i64,
    pub token: String,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub label: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// What the link offers, in order (older links: XHS only).
    pub platforms: Vec<SharePlatform>,
    /// Before this the link hands nothing over (a campaign's assignment time).
    pub not_before: Option<DateTime<Utc>>,
    /// The variant of the note it serves; None: the note's own text.
    pub variant_id: Option<i64>,
}

/// Platforms as stored: comma-separated names.
pub fn platforms_column(p: &[SharePlatform]) -> String {
    p.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(",")
}

impl TryFrom<share_link::Model> for Link {
    type Error = PersistenceError;
    fn try_from(m: share_link::Model) -> Result<Self, PersistenceError> {
        let platforms = match m.platforms.as_deref() {
            None => vec![SharePlatform::Xhs],
            Some(s) => s
                .split(',')
                .map(|p| parse("share_link.platforms", p))
                .collect::<Result<_, _>>()?,
        };
        Ok(Self {
            platforms,
            id: m.id,
            token: m.token,
            post_id: m.post_id,
            account_id: m.account_id,
            label: m.label,
            expires_at: m.expires_at.map(utc),
            revoked_at: m.revoked_at.map(utc),
            created_at: utc(m.created_at),
            not_before: m.not_before.map(utc),
            variant_id: m.variant_id,
        })
    }
}

/// Where the publish of one post from one account stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: i64,
    pub post_id: i64,
    pub account_id: i64,
    pub link_id: Option<i64>,
    pub status: RecordStatus,
    pub failure_reason: Option<String>,
    pub note_url: Option<String>,
    /// The platform of the tap that moved it last.
    pub platform: Option<SharePlatform>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<publish_record::Model> for Record {
    type Error = PersistenceError;
    fn try_from(m: publish_record::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            status: parse("publish_record.status", &m.status)?,
            platform: m
                .platform
                .as_deref()
                .map(|p| parse("publish_record.platform", p))
                .transpose()?,
            post_id: m.post_id,
            account_id: m.account_id,
            link_id: m.link_id,
            failure_reason: m.failure_reason,
            note_url: m.note_url,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        })
    }
}

/// One distinct file of the media library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub id: i64,
    pub sha256: String,
    pub kind: MediaKind,
    pub mime: String,
    pub size_bytes: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub storage_key: String,
    pub thumb_key: Option<String>,
    /// The share page's rendition (1080 px wide), for images wider than that.
    pub screen_key: Option<String>,
    pub original_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<media::Model> for Media {
    type Error = PersistenceError;
    fn try_from(m: media::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            kind: parse("media.kind", &m.kind)?,
            sha256: m.sha256,
            mime: m.mime,
            size_bytes: m.size_bytes,
            width: m.width,
            height: m.height,
            storage_key: m.storage_key,
            thumb_key: m.thumb_key,
            screen_key: m.screen_key,
            original_name: m.original_name,
            created_at: utc(m.created_at),
        })
    }
}

/// One note sent by one robot through the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: i64,
    pub post_id: i64,
    pub robot_id: i64,
    pub function: RobotFunction,
    pub status: TaskStatus,
    /// Ours, sent with the call; unique per send.
    pub request_id: String,
    pub provider_task_id: Option<String>,
    pub reason: Option<String>,
    pub not_before: DateTime<Utc>,
    pub wait_until: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub note_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The variant of the note it sends; None: the note's own text.
    pub variant_id: Option<i64>,
}

impl TryFrom<robot_task::Model> for Task {
    type Error = PersistenceError;
    fn try_from(m: robot_task::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            post_id: m.post_id,
            robot_id: m.robot_id,
            function: parse("robot_task.function", &m.function)?,
            status: parse("robot_task.status", &m.status)?,
            request_id: m.request_id,
            provider_task_id: m.provider_task_id,
            reason: m.reason,
            not_before: utc(m.not_before),
            wait_until: m.wait_until.map(utc),
            sent_at: m.sent_at.map(utc),
            finished_at: m.finished_at.map(utc),
            note_url: m.note_url,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
            variant_id: m.variant_id,
        })
    }
}

/// Converts every row of a query, failing on the first corrupt one.
pub(crate) fn all<M, V: TryFrom<M, Error = PersistenceError>>(
    rows: Vec<M>,
) -> Result<Vec<V>, PersistenceError> {
    rows.into_iter().map(V::try_from).collect()
}

/// Converts an optional row.
pub(crate) fn one<M, V: TryFrom<M, Error = PersistenceError>>(
    row: Option<M>,
) -> Result<Option<V>, PersistenceError> {
    row.map(V::try_from).transpose()
}
