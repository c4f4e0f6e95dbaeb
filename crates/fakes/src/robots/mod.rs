//! A fake robot-account provider (XHS_FACTS section 5): a real HTTP server on
//! 127.0.0.1 that checks `Merchant-Token` and pages through its robots as
//! the provider's list function does.
use serde_json::{json, Value};
use std::net::TcpListener;
use std::sync::{Arc, Mutex, MutexGuard};

mod server;

/// The list function's default path (configuration in the real client).
pub const LIST_PATH: &str = "/api/sdk/management/get.robots";
/// The publish function's default path.
pub const PUBLISH_PATH: &str = "/api/sdk/note/publish";

/// What the provider does with a robot's publish after accepting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Calls back once with success and a note link.
    Succeed,
    /// Calls back with this code and msg.
    Fail(i64, String),
    /// Calls back twice with the same success.
    SucceedTwice,
    /// Never calls back.
    Silent,
}

/// The guide's limits per robot, with a window that tests may shorten.
#[derive(Debug, Clone, Copy)]
pub struct FakeLimits {
    pub interval: std::time::Duration,
    pub per_day: usize,
    pub total_per_day: usize,
}

impl Default for FakeLimits {
    fn default() -> Self {
        Self {
            interval: std::time::Duration::from_secs(60),
            per_day: 100,
            total_per_day: 200,
        }
    }
}

/// One accepted publish.
#[derive(Debug, Clone)]
pub struct Call {
    pub robot_id: String,
    pub request_id: String,
    pub at: std::time::Instant,
    pub body: Value,
}

pub(super) struct State {
    pub(super) token: String,
    pub(super) robots: Vec<Value>,
    pub(super) list_calls: usize,
    pub(super) delay: std::time::Duration,
    pub(super) limits: FakeLimits,
    pub(super) calls: Vec<Call>,
    pub(super) over_limit: usize,
    pub(super) callback_url: Option<String>,
    pub(super) callback_delay: std::time::Duration,
    pub(super) outcomes: std::collections::HashMap<String, Outcome>,
    pub(super) publish_delay: std::time::Duration,
    pub(super) publish_requests: usize,
    pub(super) answer_delay: std::time::Duration,
    pub(super) callback_statuses: Vec<u16>,
}

/// A robot provider holding `robots` rows; stops when dropped.
pub struct FakeRobots {
    state: Arc<Mutex<State>>,
    port: u16,
    handle: actix_web::dev::ServerHandle,
}

/// A provider's robot row as the guide shows it (`onlineStatus` 1 online,
/// `captchaStatus` 1 normal, `enabled`), with a UUID-like id.
pub fn robot_row(i: usize) -> Value {
    json!({
        "id": format!("00000000-0000-4000-8000-{i:012}"),
        "nickName": format!("机器人{i:03}"),
        "avatarUrl": format!("https://sns-avatar.example.com/{i}.jpg"),
        "onlineStatus": 1,
        "captchaStatus": 1,
        "enabled": true,
        "deviceId": format!("device-{i}"),
        "countryCode": "86",
        "redbookVersion": "8.50.0",
        "createdTime": "2024-01-29 14:01:40",
        "modifiedTime": "2024-01-29 14:01:40",
        "ownerId": "owner-1",
        "pushType": 1,
    })
}

impl FakeRobots {
    /// Starts the provider with `count` robots, accepting only `token`.
    pub async fn start(token: &str, count: usize) -> FakeRobots {
        let state = Arc::new(Mutex::new(State {
            token: token.to_owned(),
            robots: (0..count).map(robot_row).collect(),
            list_calls: 0,
            delay: std::time::Duration::ZERO,
            limits: FakeLimits::default(),
            calls: Vec::new(),
            over_limit: 0,
            callback_url: None,
            callback_delay: std::time::Duration::from_millis(200),
            outcomes: Default::default(),
            publish_delay: std::time::Duration::ZERO,
            publish_requests: 0,
            answer_delay: std::time::Duration::ZERO,
            callback_statuses: Vec::new(),
        }));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local addr").port();
        let server = server::run(listener, state.clone()).expect("start the fake provider");
        let handle = server.handle();
        tokio::spawn(server);
        FakeRobots {
            state,
            port,
            handle,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// How often the list function was called.
    pub fn list_calls(&self) -> usize {
        self.lock().list_calls
    }

    /// Answers every call only after this long (a hanging provider).
    pub fn set_delay(&self, delay: std::time::Duration) {
        self.lock().delay = delay;
    }

    /// Holds every publish this long before answering (a call in flight).
    pub fn set_publish_delay(&self, delay: std::time::Duration) {
        self.lock().publish_delay = delay;
    }

    /// Answers an accepted publish only this long after its callback left
    /// (a provider that calls back before its answer arrives).
    pub fn set_answer_delay(&self, delay: std::time::Duration) {
        self.lock().answer_delay = delay;
    }

    /// The HTTP status of every callback delivered so far (0: no answer).
    pub fn callback_statuses(&self) -> Vec<u16> {
        self.lock().callback_statuses.clone()
    }

    /// Publish requests that arrived, answered or not.
    pub fn publish_requests(&self) -> usize {
        self.lock().publish_requests
    }

    /// Enforces these limits (the guide's by default).
    pub fn set_limits(&self, limits: FakeLimits) {
        self.lock().limits = limits;
    }

    /// Where results are called back (the merchant's callback URL), and after how long.
    pub fn set_callback(&self, url: &str, delay: std::time::Duration) {
        let mut s = self.lock();
        s.callback_url = Some(url.to_owned());
        s.callback_delay = delay;
    }

    /// What happens to publishes of robot `i` (default: they succeed).
    pub fn set_outcome(&self, i: usize, outcome: Outcome) {
        let id = robot_row(i)["id"].as_str().unwrap_or_default().to_owned();
        self.lock().outcomes.insert(id, outcome);
    }

    /// Every publish the provider accepted, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.lock().calls.clone()
    }

    /// Publishes refused with 9400 because they broke a limit.
    pub fn over_limit(&self) -> usize {
        self.lock().over_limit
    }

    /// Pushes an event about robot `i` (its current row) to `url`.
    pub async fn push_event(&self, url: &str, i: usize, kind: &str) -> reqwest::StatusCode {
        let (token, row) = {
            let s = self.lock();
            (
                s.token.clone(),
                s.robots.get(i).cloned().unwrap_or(Value::Null),
            )
        };
        reqwest::Client::new()
            .post(url)
            .header("Merchant-Token", token)
            .json(&json!({"type": kind, "data": row}))
            .send()
            .await
            .map(|r| r.status())
            .unwrap_or(reqwest::StatusCode::BAD_GATEWAY)
    }

    /// Changes robot `i` (say, `{"onlineStatus": 0}`).
    pub fn update_robot(&self, i: usize, patch: Value) {
        let mut s = self.lock();
        if let (Some(row), Some(patch)) = (s.robots.get_mut(i), patch.as_object()) {
            for (k, v) in patch {
                row[k] = v.clone();
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for FakeRobots {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        tokio::spawn(async move { handle.stop(false).await });
    }
}
