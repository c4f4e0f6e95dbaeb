use sea_orm::entity::prelude::*;

/// A campaign: its notes go to its audience inside its schedule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "campaign")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// `CampaignStatus`.
    pub status: String,
    /// `Pairing`.
    pub pairing: String,
    /// Comma-separated platforms the links offer; NULL: each note's default.
    pub platforms: Option<String>,
    pub link_expires_at: Option<DateTime>,
    pub start_at: DateTime,
    pub end_at: DateTime,
    /// `HH:MM` in the statistics' time zone.
    pub window_from: String,
    pub window_to: String,
    pub per_account_per_day: i32,
    pub min_gap_minutes: i32,
    pub created_by: String,
    /// Optimistic check of `PUT`: the version the caller read.
    pub version: i32,
    /// Set while paused (the status stays `running`).
    pub paused_at: Option<DateTime>,
    pub launched_at: Option<DateTime>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
