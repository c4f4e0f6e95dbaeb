//! One handler per file; the path of a file mirrors its URL.
pub mod accounts;
pub mod audit;
pub mod auth;
pub mod campaigns;
pub mod dashboard;
pub mod groups;
pub mod health;
pub mod imports;
pub mod links;
pub mod media;
pub mod platforms;
pub mod post;
pub mod posts;
pub mod preflight;
mod print;
pub mod records;
pub mod robots;
pub mod share;
pub mod tasks;
pub mod tokens;
pub mod users;
pub mod webhooks;

use actix_web::web;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every documented endpoint. actix tries routes in this order,
/// one pattern match each, so the paths phones wait on (the share page's
/// data, its signed payload and events, the media it loads) come first:
/// behind seventy console routes they lost a tenth of their throughput to
/// pattern matching (`just bench --only` with `--profile`, BENCHMARKS.md).
macro_rules! register {
    ($cfg:ident) => {
        $cfg.service(health::healthz)
            .service(share::show::show_share)
            .service(share::publish::share_publish)
            .service(share::events::share_event)
            .service(share::confirm::share_confirm)
            .service(media::serve::serve_media)
            // HEAD of a media file (a `#[get]` resource does not answer HEAD).
            .route("/media/{key:.*}", web::head().to(media::serve::serve))
            .service(health::readyz)
            .service(auth::login::login)
            .service(auth::logout::logout)
            .service(auth::me::me)
            .service(users::list::list_users)
            .service(users::create::create_user)
            .service(users::update::update_user)
            .service(tokens::list::list_tokens)
            .service(tokens::create::create_token)
            .service(tokens::delete::delete_token)
            .service(audit::list::list_audit)
            .service(audit::export::export_audit)
            .service(posts::list::list_posts)
            .service(posts::create::create_post)
            .service(posts::get::get_post)
            .service(posts::update::update_post)
            .service(posts::delete::delete_post)
            .service(posts::preflight::post_preflight)
            .service(posts::submit::submit_post)
            .service(posts::approve::approve_post)
            .service(posts::request_changes::request_changes)
            .service(posts::versions::list::list_versions)
            .service(posts::versions::get::get_version)
            .service(posts::versions::restore::restore_version)
            .service(posts::diff::diff_versions)
            .service(posts::variants::list::list_variants)
            .service(posts::variants::create::create_variant)
            .service(posts::variants::update::update_variant)
            .service(posts::variants::delete::delete_variant)
            .service(posts::duplicate::duplicate_post)
            .service(posts::people::post_people)
            .service(posts::reminders::post_reminders)
            .service(preflight::preflight_draft)
            .service(post::preview::preview)
            .service(post::publish::publish)
            .service(posts::links::create::create_link)
            .service(posts::links::list::list_links)
            .service(posts::links::export::export_links)
            .service(posts::links::qr_sheet::links_qr_sheet)
            .service(links::get::get_link)
            .service(links::revoke::revoke_link)
            .service(links::qr_svg::qr_svg)
            .service(links::qr_png::qr_png)
            .service(accounts::list::list_accounts)
            .service(accounts::create::create_account)
            .service(accounts::get::get_account)
            .service(accounts::update::update_account)
            .service(accounts::delete::delete_account)
            .service(imports::posts::import_posts)
            .service(imports::accounts::import_accounts)
            .service(imports::posts_template::posts_template)
            .service(imports::accounts_template::accounts_template)
            .service(groups::list::list_groups)
            .service(groups::create::create_group)
            .service(groups::get::get_group)
            .service(groups::update::update_group)
            .service(groups::delete::delete_group)
            .service(groups::add_members::add_group_members)
            .service(groups::remove_member::remove_group_member)
            .service(campaigns::list::list_campaigns)
            .service(campaigns::create::create_campaign)
            .service(campaigns::get::get_campaign)
            .service(campaigns::update::update_campaign)
            .service(campaigns::delete::delete_campaign)
            .service(campaigns::plan::plan_campaign)
            .service(campaigns::launch::launch_campaign)
            .service(campaigns::pause::pause_campaign)
            .service(campaigns::resume::resume_campaign)
            .service(campaigns::cancel::cancel_campaign)
            .service(campaigns::assignments::list::list_assignments)
            .service(campaigns::assignments::update::move_assignment)
            .service(campaigns::progress::campaign_progress)
            .service(campaigns::reminders::campaign_reminders)
            .service(campaigns::export::export_campaign)
            .service(campaigns::stats_export::export_campaign_stats)
            .service(campaigns::qr_sheet::campaign_qr_sheet)
            .service(robots::sync::sync_robots)
            .service(robots::list::list_robots)
            .service(robots::callback::robot_callback)
            .service(robots::events::robot_events)
            .service(posts::dispatch::dispatch_post)
            .service(tasks::list::list_tasks)
            .service(tasks::retry::retry_task)
            .service(tasks::cancel::cancel_task)
            .service(webhooks::list::list_webhooks)
            .service(webhooks::create::create_webhook)
            .service(webhooks::get::get_webhook)
            .service(webhooks::update::update_webhook)
            .service(webhooks::delete::delete_webhook)
            .service(webhooks::rotate_secret::rotate_webhook_secret)
            .service(webhooks::test::test_webhook)
            .service(webhooks::deliveries::list_webhook_deliveries)
            .service(webhooks::redeliver::redeliver_webhook)
            .service(records::list::list_records)
            .service(records::confirm::confirm_record)
            .service(dashboard::get_dashboard)
            .service(platforms::list::list_platforms)
            .service(posts::stats::post_stats)
            .service(links::stats::link_stats)
            .service(accounts::stats::account_stats)
            .service(posts::stats_export::export_post_stats)
            .service(links::stats_export::export_link_stats)
            .service(accounts::stats_export::export_account_stats)
            .service(media::upload::upload_media)
            .service(media::list::list_media)
            .service(media::get::get_media)
            .service(media::delete::delete_media);
    };
}

/// Registers every endpoint and collects the OpenAPI document with it (once,
/// for [`crate::openapi`]).
pub fn configure(cfg: &mut ServiceConfig) {
    register!(cfg);
}

/// Registers every endpoint on a worker's app, without the document: each
/// worker builds its app, and collecting the schemas there cost every worker
/// about 20 MB of heap that glibc kept (heaptrack, BENCHMARKS.md session 8).
pub fn configure_app(cfg: &mut web::ServiceConfig) {
    register!(cfg);
}
