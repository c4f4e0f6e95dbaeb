//! A fake of Douyin's open platform token endpoints (XHS_FACTS section 6):
//! `POST /oauth/client_token/` checks the client key and secret,
//! `GET /open/getticket/` checks the `access-token` header. Each fetch issues
//! a new value, and the fake counts them.

use std::net::TcpListener;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::{json, Value};

#[derive(Default)]
struct State {
    client_key: String,
    client_secret: String,
    client_token: Option<String>,
    ticket: Option<String>,
    client_token_fetches: usize,
    ticket_fetches: usize,
    delay: Duration,
    /// Answer every request with this `error_code` (0: succeed).
    error_code: i64,
    /// `expires_in` of what is issued; 0 means Douyin's 7200.
    expires_in: i64,
}

type Shared = Arc<Mutex<State>>;

fn lock(s: &Shared) -> MutexGuard<'_, State> {
    s.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The fake; stops when dropped.
pub struct FakeDouyin {
    state: Shared,
    port: u16,
    handle: actix_web::dev::ServerHandle,
}

impl FakeDouyin {
    pub async fn start(client_key: &str, client_secret: &str) -> FakeDouyin {
        let listener = TcpListener::bind("127.0.0.1:0").expect("FakeDouyin: cannot bind");
        let port = listener
            .local_addr()
            .expect("FakeDouyin: no address")
            .port();
        let state: Shared = Arc::new(Mutex::new(State {
            client_key: client_key.into(),
            client_secret: client_secret.into(),
            ..State::default()
        }));
        let data = web::Data::new(state.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .route("/oauth/client_token/", web::post().to(client_token))
                .route("/open/getticket/", web::get().to(ticket))
        })
        .workers(1)
        .disable_signals()
        .shutdown_timeout(0)
        .listen(listener)
        .expect("FakeDouyin: cannot listen")
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        FakeDouyin {
            state,
            port,
            handle,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn client_token_fetches(&self) -> usize {
        lock(&self.state).client_token_fetches
    }

    pub fn ticket_fetches(&self) -> usize {
        lock(&self.state).ticket_fetches
    }

    /// The ticket a schema's signature must be made with.
    pub fn current_ticket(&self) -> Option<String> {
        lock(&self.state).ticket.clone()
    }

    /// Holds every answer this long (to make callers pile up).
    pub fn set_delay(&self, delay: Duration) {
        lock(&self.state).delay = delay;
    }

    /// Lifetime in seconds of what is issued from now on (default 7200).
    pub fn set_expires_in(&self, secs: i64) {
        lock(&self.state).expires_in = secs;
    }

    /// Refuses every request with this `error_code` (0 to stop).
    pub fn set_error_code(&self, code: i64) {
        lock(&self.state).error_code = code;
    }
}

impl Drop for FakeDouyin {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

fn refusal(code: i64, description: &str) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "data": {"error_code": code, "description": description},
        "message": "error",
    }))
}

fn issued(field: &str, value: &str, expires_in: i64) -> HttpResponse {
    let expires_in = if expires_in == 0 { 7200 } else { expires_in };
    HttpResponse::Ok().json(json!({
        "data": {field: value, "expires_in": expires_in, "error_code": 0, "description": ""},
        "message": "success",
        "extra": {"logid": "fake"},
    }))
}

/// Takes the body as JSON or as a form.
fn fields(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap_or_else(|_| {
        let form: serde_json::Map<String, Value> = url_pairs(body);
        Value::Object(form)
    })
}

fn url_pairs(body: &[u8]) -> serde_json::Map<String, Value> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), Value::from(v.to_owned())))
        .collect()
}

async fn client_token(state: web::Data<Shared>, body: web::Bytes) -> HttpResponse {
    let delay = {
        let mut s = lock(&state);
        s.client_token_fetches += 1;
        s.delay
    };
    tokio::time::sleep(delay).await;
    let f = fields(&body);
    let mut s = lock(&state);
    if s.error_code != 0 {
        return refusal(s.error_code, "fake refusal");
    }
    let ok = f["client_key"] == s.client_key.as_str()
        && f["client_secret"] == s.client_secret.as_str()
        && f["grant_type"] == "client_credential";
    if !ok {
        return refusal(10003, "client_key or client_secret is wrong");
    }
    let token = format!("clt.{}", hex::encode(rand::random::<[u8; 16]>()));
    s.client_token = Some(token.clone());
    issued("access_token", &token, s.expires_in)
}

async fn ticket(state: web::Data<Shared>, req: HttpRequest) -> HttpResponse {
    let delay = {
        let mut s = lock(&state);
        s.ticket_fetches += 1;
        s.delay
    };
    tokio::time::sleep(delay).await;
    let given = req
        .headers()
        .get("access-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut s = lock(&state);
    if s.error_code != 0 {
        return refusal(s.error_code, "fake refusal");
    }
    if given.is_none() || given != s.client_token {
        return refusal(
            2190008,
            "access-token is missing or not the current client token",
        );
    }
    let ticket = format!("T{}", hex::encode(rand::random::<[u8; 12]>()));
    s.ticket = Some(ticket.clone());
    issued("ticket", &ticket, s.expires_in)
}
