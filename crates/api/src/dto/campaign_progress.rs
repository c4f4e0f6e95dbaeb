//! A campaign's progress and its reminders (催办).
use super::campaign_assignment::Assignment;
use serde::Serialize;
use utoipa::ToSchema;
use xhs_domain::campaign::CampaignStatus;

/// How many assignments stand at each status.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusCounts {
    pub planned: u64,
    pub scheduled: u64,
    pub open: u64,
    pub opened: u64,
    pub tapped: u64,
    pub published: u64,
    pub failed: u64,
    pub cancelled: u64,
    pub total: u64,
}

impl From<xhs_app::campaigns::Counts> for StatusCounts {
    fn from(c: xhs_app::campaigns::Counts) -> Self {
        Self {
            planned: c.planned,
            scheduled: c.scheduled,
            open: c.open,
            opened: c.opened,
            tapped: c.tapped,
            published: c.published,
            failed: c.failed,
            cancelled: c.cancelled,
            total: c.total,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PostProgress {
    pub post_id: i64,
    pub title: String,
    pub counts: StatusCounts,
}

/// One text of a note: a variant, or (`variant_id` null) the note's own.
#[derive(Debug, Serialize, ToSchema)]
pub struct VariantProgress {
    pub post_id: i64,
    pub variant_id: Option<i64>,
    /// The variant's label, or the note's title for its own text.
    pub label: String,
    pub counts: StatusCounts,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupProgress {
    pub group_id: i64,
    pub name: String,
    pub counts: StatusCounts,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountProgress {
    pub account_id: i64,
    pub name: String,
    pub counts: StatusCounts,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignProgress {
    pub campaign_id: i64,
    pub status: CampaignStatus,
    pub overall: StatusCounts,
    /// Published among the assignments not cancelled, 0 to 1.
    pub published_share: f64,
    pub by_post: Vec<PostProgress>,
    pub by_variant: Vec<VariantProgress>,
    /// An account in several groups counts in each.
    pub by_group: Vec<GroupProgress>,
    pub by_account: Vec<AccountProgress>,
}

impl From<xhs_app::campaigns::Progress> for CampaignProgress {
    fn from(p: xhs_app::campaigns::Progress) -> Self {
        let id = |r: &xhs_app::campaigns::ProgressRow| r.id.unwrap_or_default();
        Self {
            campaign_id: p.campaign_id,
            status: p.status,
            overall: p.overall.into(),
            published_share: p.published_share,
            by_post: p
                .by_post
                .into_iter()
                .map(|r| PostProgress {
                    post_id: id(&r),
                    title: r.name,
                    counts: r.counts.into(),
                })
                .collect(),
            by_variant: p
                .by_variant
                .into_iter()
                .map(|r| VariantProgress {
                    post_id: r.post_id.unwrap_or_default(),
                    variant_id: r.id,
                    label: r.name,
                    counts: r.counts.into(),
                })
                .collect(),
            by_group: p
                .by_group
                .into_iter()
                .map(|r| GroupProgress {
                    group_id: id(&r),
                    name: r.name,
                    counts: r.counts.into(),
                })
                .collect(),
            by_account: p
                .by_account
                .into_iter()
                .map(|r| AccountProgress {
                    account_id: id(&r),
                    name: r.name,
                    counts: r.counts.into(),
                })
                .collect(),
        }
    }
}

/// One person who has not published yet, with a message to paste.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonReminder {
    pub assignment: Assignment,
    /// Chinese, ready to paste into a chat: the note, when, and the link.
    pub message: String,
}

/// One text for a group's chat, listing who still has to publish.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupReminderText {
    pub group_id: i64,
    pub name: String,
    /// How many of the group's notes are unpublished.
    pub count: u64,
    pub text: String,
}

/// Reminders (催办) for the people of a campaign who have not published.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignReminders {
    pub people: Vec<PersonReminder>,
    pub groups: Vec<GroupReminderText>,
    /// Everyone unfinished, in one text.
    pub all_text: String,
}

impl From<xhs_app::campaigns::Reminders> for CampaignReminders {
    fn from(r: xhs_app::campaigns::Reminders) -> Self {
        Self {
            people: r
                .people
                .into_iter()
                .map(|p| PersonReminder {
                    assignment: p.assignment.into(),
                    message: p.message,
                })
                .collect(),
            groups: r
                .groups
                .into_iter()
                .map(|g| GroupReminderText {
                    group_id: g.group_id,
                    name: g.name,
                    count: g.count as u64,
                    text: g.text,
                })
                .collect(),
            all_text: r.all_text,
        }
    }
}
