//! sea-orm entities, one per table, in the shape `sea-orm-cli generate entity`
//! writes. Timestamps are stored as UTC without a zone (`DATETIME`).
pub mod account_group;
pub mod account_group_member;
pub mod api_token;
pub mod audit_log;
pub mod campaign;
pub mod campaign_assignment;
pub mod campaign_audience;
pub mod campaign_post;
pub mod media;
pub mod operator;
pub mod operator_session;
pub mod publish_record;
pub mod robot_quota;
pub mod robot_task;
pub mod share_event;
pub mod share_event_count;
pub mod share_link;
pub mod webhook;
pub mod webhook_delivery;
pub mod webhook_event;
pub mod x_post;
pub mod x_post_variant;
pub mod x_post_version;
pub mod xhs_access_token;
pub mod xhs_account;
pub mod xhs_token_lease;
