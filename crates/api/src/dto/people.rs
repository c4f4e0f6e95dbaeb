//! The people of a note: a row per share link, and the reminders (催办).
use crate::dto::group::GroupRef;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::people::PersonStatus;
use xhs_domain::LinkStatus;

/// One link of the note and where its person stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct Person {
    pub link_id: i64,
    /// `{public_url}/s/{token}`.
    pub url: String,
    pub label: Option<String>,
    pub account_id: Option<i64>,
    pub account_name: Option<String>,
    /// The variant the person's link serves (null: the note's own text).
    pub variant_id: Option<i64>,
    /// That variant's label.
    pub variant_label: Option<String>,
    /// The account's groups, by name.
    pub groups: Vec<GroupRef>,
    pub status: PersonStatus,
    /// The link's own status.
    pub link_status: LinkStatus,
    /// When the link opens (null: open from the start).
    pub not_before: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The first time the share page was opened.
    pub opened_at: Option<DateTime<Utc>>,
    /// The first tap on a publish button.
    pub tapped_at: Option<DateTime<Utc>>,
    /// When publishing was confirmed (the note link pasted back, or an operator).
    pub published_at: Option<DateTime<Utc>>,
    /// The published note's URL.
    pub note_url: Option<String>,
    /// Why the last attempt failed (`status: failed`).
    pub failure_reason: Option<String>,
}

impl From<xhs_app::links::people::Person> for Person {
    fn from(p: xhs_app::links::people::Person) -> Self {
        let l = p.link.stored;
        Self {
            link_id: l.id,
            url: p.link.url,
            label: l.label,
            account_id: l.account_id,
            account_name: p.link.account_name,
            variant_id: l.variant_id,
            variant_label: p.link.variant_label,
            groups: p.groups.into_iter().map(Into::into).collect(),
            status: p.status,
            link_status: p.link.status,
            not_before: l.not_before,
            expires_at: l.expires_at,
            created_at: l.created_at,
            opened_at: p.opened_at,
            tapped_at: p.tapped_at,
            published_at: p.published_at,
            note_url: p.note_url,
            failure_reason: p.failure_reason,
        }
    }
}

/// Which people to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// Only those still to publish with a link that works (`scheduled`,
    /// `open`, `opened`, `tapped`, `failed`).
    pub unfinished: Option<bool>,
}

/// A ready-to-paste reminder for one person.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reminder {
    pub link_id: i64,
    pub account_id: Option<i64>,
    /// The account's name, else the link's label.
    pub name: String,
    pub url: String,
    pub status: PersonStatus,
    /// Chinese, with the person's link: paste it into a chat.
    pub message: String,
}

/// The reminders (催办) of a note's unfinished people.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reminders {
    pub items: Vec<Reminder>,
    /// One text for the whole list (a line per person with their link);
    /// empty when everyone is done.
    pub text: String,
}

impl From<xhs_app::links::people::Reminder> for Reminder {
    fn from(r: xhs_app::links::people::Reminder) -> Self {
        Self {
            link_id: r.link_id,
            account_id: r.account_id,
            name: r.name,
            url: r.url,
            status: r.status,
            message: r.message,
        }
    }
}
