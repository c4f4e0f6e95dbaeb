//! Campaigns: the row with its schedule and status, its notes in order and
//! its audience as chosen. Status changes are compare-and-set on the stored
//! status (a launch run twice, or by two instances, changes it once); `PUT`
//! is checked against the version the caller read. Assignments live in
//! [`crate::campaign_assignments`]; status steps in `campaign_steps.rs`.
pub use crate::campaign_parts::{load_variants, post_titles};
use crate::campaign_parts::{parts, write_parts, Parts};
pub use crate::campaign_steps::{delete, move_status, set_paused};
use crate::entities::campaign::{self, Entity as CampaignEntity};
use crate::values::parse;
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use xhs_domain::campaign::{CampaignStatus, Pairing};

/// What a campaign is made of, as created or replaced by `PUT`.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFields {
    pub name: String,
    pub pairing: Pairing,
    /// None: each note's default platforms.
    pub platforms: Option<Vec<String>>,
    pub link_expires_at: Option<DateTime<Utc>>,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    /// `HH:MM`, as given.
    pub window_from: String,
    pub window_to: String,
    pub per_account_per_day: u32,
    pub min_gap_minutes: u32,
    pub post_ids: Vec<i64>,
    pub account_ids: Vec<i64>,
    pub group_ids: Vec<i64>,
}

/// A stored campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub id: i64,
    pub status: CampaignStatus,
    pub fields: CampaignFields,
    pub created_by: String,
    pub version: i32,
    pub paused_at: Option<DateTime<Utc>>,
    pub launched_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn to_u32(v: i32) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

fn campaign(m: campaign::Model, parts: Parts) -> Result<Campaign, PersistenceError> {
    Ok(Campaign {
        id: m.id,
        status: parse("campaign.status", &m.status)?,
        fields: CampaignFields {
            name: m.name,
            pairing: parse("campaign.pairing", &m.pairing)?,
            platforms: m.platforms.map(|p| {
                p.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            }),
            link_expires_at: m.link_expires_at.map(utc),
            start_at: utc(m.start_at),
            end_at: utc(m.end_at),
            window_from: m.window_from,
            window_to: m.window_to,
            per_account_per_day: to_u32(m.per_account_per_day),
            min_gap_minutes: to_u32(m.min_gap_minutes),
            post_ids: parts.post_ids,
            account_ids: parts.account_ids,
            group_ids: parts.group_ids,
        },
        created_by: m.created_by,
        version: m.version,
        paused_at: m.paused_at.map(utc),
        launched_at: m.launched_at.map(utc),
        created_at: utc(m.created_at),
        updated_at: utc(m.updated_at),
    })
}

fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

fn set_fields(am: &mut campaign::ActiveModel, f: &CampaignFields) {
    am.name = Set(f.name.clone());
    am.pairing = Set(f.pairing.as_str().to_owned());
    am.platforms = Set(f.platforms.as_ref().map(|p| p.join(",")));
    am.link_expires_at = Set(f.link_expires_at.map(naive));
    am.start_at = Set(naive(f.start_at));
    am.end_at = Set(naive(f.end_at));
    am.window_from = Set(f.window_from.clone());
    am.window_to = Set(f.window_to.clone());
    am.per_account_per_day = Set(i32::try_from(f.per_account_per_day).unwrap_or(i32::MAX));
    am.min_gap_minutes = Set(i32::try_from(f.min_gap_minutes).unwrap_or(i32::MAX));
}

/// A new campaign in `draft`.
pub async fn create(
    db: &impl ConnectionTrait,
    f: &CampaignFields,
    created_by: &str,
) -> Result<Campaign, PersistenceError> {
    let now = now_utc();
    let mut am = campaign::ActiveModel {
        status: Set(CampaignStatus::Draft.as_str().to_owned()),
        created_by: Set(created_by.chars().take(100).collect()),
        version: Set(1),
        paused_at: Set(None),
        launched_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_fields(&mut am, f);
    let m = am.insert(db).await?;
    write_parts(db, m.id, &f.post_ids, &f.account_ids, &f.group_ids).await?;
    find(db, m.id).await?.ok_or(PersistenceError::Corrupt {
        column: "campaign.id",
        value: m.id.to_string(),
    })
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<Campaign>, PersistenceError> {
    let Some(m) = CampaignEntity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let p = parts(db, &[id]).await?.remove(&id).unwrap_or_default();
    campaign(m, p).map(Some)
}

/// Where a campaign stands, without its notes and audience (None: no such
/// campaign).
pub async fn status(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<CampaignStatus>, PersistenceError> {
    let s: Option<String> = CampaignEntity::find_by_id(id)
        .select_only()
        .column(campaign::Column::Status)
        .into_tuple()
        .one(db)
        .await?;
    s.map(|s| parse("campaign.status", &s)).transpose()
}

/// A page of campaigns, newest first (`before_id`: the keyset cursor).
pub async fn list(
    db: &impl ConnectionTrait,
    status: Option<CampaignStatus>,
    before_id: Option<i64>,
    limit: u64,
) -> Result<Vec<Campaign>, PersistenceError> {
    let mut cond = Condition::all();
    if let Some(s) = status {
        cond = cond.add(campaign::Column::Status.eq(s.as_str()));
    }
    if let Some(b) = before_id {
        cond = cond.add(campaign::Column::Id.lt(b));
    }
    let rows = CampaignEntity::find()
        .filter(cond)
        .order_by_desc(campaign::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let mut parts = parts(db, &ids).await?;
    rows.into_iter()
        .map(|m| {
            let p = parts.remove(&m.id).unwrap_or_default();
            campaign(m, p)
        })
        .collect()
}

/// Replaces the fields of a campaign whose version is still `version` and
/// whose status is one of `from`, setting its status to `to`; false when
/// either changed meanwhile.
pub async fn replace(
    db: &impl ConnectionTrait,
    id: i64,
    version: i32,
    from: &[CampaignStatus],
    to: CampaignStatus,
    f: &CampaignFields,
) -> Result<bool, PersistenceError> {
    let mut am = campaign::ActiveModel {
        status: Set(to.as_str().to_owned()),
        version: Set(version + 1),
        updated_at: Set(now_utc()),
        ..Default::default()
    };
    set_fields(&mut am, f);
    let r = CampaignEntity::update_many()
        .set(am)
        .filter(campaign::Column::Id.eq(id))
        .filter(campaign::Column::Version.eq(version))
        .filter(campaign::Column::Status.is_in(from.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    if r.rows_affected != 1 {
        return Ok(false);
    }
    write_parts(db, id, &f.post_ids, &f.account_ids, &f.group_ids).await?;
    Ok(true)
}
