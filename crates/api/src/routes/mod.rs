//! One handler per file; the path of a file mirrors its URL.
pub mod accounts;
pub mod auth;
pub mod health;
pub mod links;
pub mod media;
pub mod paging;
pub mod post;
pub mod posts;
pub mod preflight;
pub mod records;
pub mod share;
pub mod stats;

use actix_web::web;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every documented endpoint.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(auth::login::login)
        .service(auth::logout::logout)
        .service(auth::me::me)
        .service(posts::list::list_posts)
        .service(posts::create::create_post)
        .service(posts::get::get_post)
        .service(posts::update::update_post)
        .service(posts::delete::delete_post)
        .service(posts::preflight::post_preflight)
        .service(preflight::preflight_draft)
        .service(post::preview::preview)
        .service(post::publish::publish)
        .service(links::create::create_link)
        .service(links::list::list_links)
        .service(links::get::get_link)
        .service(links::revoke::revoke_link)
        .service(links::qr_svg::qr_svg)
        .service(links::qr_png::qr_png)
        .service(accounts::list::list_accounts)
        .service(accounts::create::create_account)
        .service(accounts::get::get_account)
        .service(accounts::update::update_account)
        .service(accounts::delete::delete_account)
        .service(records::list::list_records)
        .service(records::confirm::confirm_record)
        .service(stats::post::post_stats)
        .service(stats::link::link_stats)
        .service(stats::account::account_stats)
        .service(share::show::show_share)
        .service(share::publish::share_publish)
        .service(share::events::share_event)
        .service(share::confirm::share_confirm)
        .service(media::upload::upload_media)
        .service(media::list::list_media)
        .service(media::get::get_media)
        .service(media::delete::delete_media)
        .service(media::serve::serve_media)
        // HEAD of a media file (a `#[get]` resource does not answer HEAD).
        .route("/media/{key:.*}", web::head().to(media::serve::serve));
}
