//! The actix-web side of the fake.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::{dev::Server, web, App, HttpResponse, HttpServer};

use crate::protocol::{self, SIGNATURE_ERROR_MSG};
use crate::state::Shared;
use crate::{ExpiresIn, FakeMode};

const TOKEN_PATH: &str = "/api/sns/v1/ext/access/token";

/// The server, not yet polled; the caller spawns it.
pub(crate) fn run(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<Server> {
    let data = web::Data::from(shared);
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .route(TOKEN_PATH, web::post().to(token))
    })
    // One worker is plenty for a test and keeps thread count low on CI.
    .workers(1)
    // The test process owns the signals, not the fake.
    .disable_signals()
    .shutdown_timeout(0)
    .listen(listener)?
    .run())
}

/// What to do once the request is known to be well signed.
enum Answer {
    Issue(ExpiresIn),
    Reject(String),
    NoToken,
}

/// `POST /api/sns/v1/ext/access/token`. XHS answers refusals with HTTP 200
/// and `success: false`, so does the fake.
async fn token(shared: web::Data<Shared>, body: web::Bytes) -> HttpResponse {
    let (answer, delay) = {
        let mut state = shared.lock();
        state.token_fetches += 1;
        let request = match protocol::parse_request(&body) {
            Ok(request) => request,
            Err(msg) => return HttpResponse::Ok().json(protocol::failure(&msg)),
        };
        let expected = protocol::xhs_signature(
            &state.app_key,
            &request.nonce,
            &request.timestamp,
            &state.app_secret,
        );
        if request.app_key != state.app_key || request.signature != expected {
            return HttpResponse::Ok().json(protocol::failure(SIGNATURE_ERROR_MSG));
        }
        match state.mode.clone() {
            FakeMode::Ok(expires) => (Answer::Issue(expires), None),
            FakeMode::Reject(msg) => (Answer::Reject(msg), None),
            FakeMode::NoToken => (Answer::NoToken, None),
            FakeMode::Delay(delay) => (Answer::Issue(ExpiresIn::EpochMillis), Some(delay)),
        }
    };
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let body = match answer {
        Answer::Reject(msg) => protocol::failure(&msg),
        Answer::NoToken => protocol::no_token(),
        Answer::Issue(expires) => {
            let mut state = shared.lock();
            let token = protocol::new_token();
            state.current_token = Some(token.clone());
            protocol::issued(&token, state.lifetime_secs, expires)
        }
    };
    HttpResponse::Ok().json(body)
}
