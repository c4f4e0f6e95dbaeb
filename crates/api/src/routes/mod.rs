//! One handler per file; the path of a file mirrors its URL.
pub mod auth;
pub mod health;
pub mod post;
pub mod posts;
pub mod preflight;

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
        .service(post::publish::publish);
}
