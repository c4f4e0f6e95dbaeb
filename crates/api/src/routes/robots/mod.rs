//! Robot accounts: `/api/robots`.
pub mod callback;
pub mod events;
pub mod list;
pub mod sync;

/// The `Merchant-Token` the provider sends with its calls (checked by the use case).
fn merchant_token(req: &actix_web::HttpRequest) -> Option<&str> {
    req.headers()
        .get("Merchant-Token")
        .and_then(|v| v.to_str().ok())
}
