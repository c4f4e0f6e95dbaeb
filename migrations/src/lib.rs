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
mod m20261123_000011_add_robot_fields_to_xhs_account;
mod m20261123_000012_create_robot_task;
mod m20261123_000013_add_platforms;
mod m20261123_000014_widen_media_urls;
mod m20261123_000015_add_login_lockout;
mod m20261124_000016_add_roles_tokens_audit;
mod m20261124_000017_add_review_and_versions;
mod m20261125_000018_add_event_rollups;
mod m20261125_000019_add_post_search;
mod m20261206_000020_attribute_events_to_platforms;
mod m20261206_120000_create_account_group;
mod m20261206_130000_add_link_not_before;
mod m20261206_140000_create_post_variant;
mod m20261206_150000_create_campaign;
mod m20261206_160000_create_webhooks;
mod m20261206_165000_add_account_xhs_id;
mod m20261206_170000_add_link_variant;
mod m20261207_000000_add_media_screen_key;
mod m20261207_040000_store_assignment_status;
mod m20261207_080000_progress_indexes;
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
            Box::new(m20261123_000011_add_robot_fields_to_xhs_account::Migration),
            Box::new(m20261123_000012_create_robot_task::Migration),
            Box::new(m20261123_000013_add_platforms::Migration),
            Box::new(m20261123_000014_widen_media_urls::Migration),
            Box::new(m20261123_000015_add_login_lockout::Migration),
            Box::new(m20261124_000016_add_roles_tokens_audit::Migration),
            Box::new(m20261124_000017_add_review_and_versions::Migration),
            Box::new(m20261125_000018_add_event_rollups::Migration),
            Box::new(m20261125_000019_add_post_search::Migration),
            Box::new(m20261206_000020_attribute_events_to_platforms::Migration),
            Box::new(m20261206_120000_create_account_group::Migration),
            Box::new(m20261206_130000_add_link_not_before::Migration),
            Box::new(m20261206_140000_create_post_variant::Migration),
            Box::new(m20261206_150000_create_campaign::Migration),
            Box::new(m20261206_160000_create_webhooks::Migration),
            Box::new(m20261206_165000_add_account_xhs_id::Migration),
            Box::new(m20261206_170000_add_link_variant::Migration),
            Box::new(m20261207_000000_add_media_screen_key::Migration),
            Box::new(m20261207_040000_store_assignment_status::Migration),
            Box::new(m20261207_080000_progress_indexes::Migration),
        ]
    }
}
