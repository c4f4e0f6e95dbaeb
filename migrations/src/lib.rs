//! Schema migrations, one change per file, each with a `down`.
pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_x_post;
mod m20261122_000002_create_operator;
mod m20261122_000003_create_xhs_access_token;
mod m20261122_000004_create_xhs_account;
mod m20261122_000005_create_share_link;
mod m20261122_000006_create_share_event;
mod m20261122_000007_create_publish_record;
mod m20261122_000008_create_xhs_token_lease;
mod m20261122_000010_create_media;
mod util;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_x_post::Migration),
            Box::new(m20261122_000002_create_operator::Migration),
            Box::new(m20261122_000003_create_xhs_access_token::Migration),
            Box::new(m20261122_000004_create_xhs_account::Migration),
            Box::new(m20261122_000005_create_share_link::Migration),
            Box::new(m20261122_000006_create_share_event::Migration),
            Box::new(m20261122_000007_create_publish_record::Migration),
            Box::new(m20261122_000008_create_xhs_token_lease::Migration),
            Box::new(m20261122_000010_create_media::Migration),
        ]
    }
}
