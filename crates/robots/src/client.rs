//! The HTTP client of the provider. Never logs or returns the Merchant-Token.
use crate::{RobotPage, RobotRow, RATE_LIMITED_CODE};
use reqwest::header::{HeaderMap, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{json, Value};
use std::time::Duration;

/// Where the provider is and how to call it.
#[derive(Debug, Clone)]
pub struct RobotsConfig {
    pub base_url: url::Url,
    pub merchant_token: SecretString,
    /// The list function (synchronous).
    pub list_path: String,
    /// The publish function (asynchronous: answers a task id).
    pub publish_path: String,
    /// The login function (asynchronous).
    pub login_path: String,
    pub timeout: Duration,
}

/// How a call failed.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum RobotError {
    /// Code 9400: over one of the provider's limits. Wait, never fail.
    #[error("the provider's limit was reached: {0}")]
    RateLimited(String),
    /// Any other non-zero code, with the provider's `msg`.
    #[error("the provider refused ({code}): {msg}")]
    Rejected { code: i64, msg: String },
    #[error("the provider did not answer in time")]
    Timeout,
    #[error("the provider could not be reached: {0}")]
    Transport(String),
    #[error("the provider's answer could not be read: {0}")]
    Malformed(String),
}

/// Talks to the provider.
pub struct RobotClient {
    config: RobotsConfig,
    http: reqwest::Client,
}

/// A note for the publish function.
#[derive(Debug, Clone)]
pub struct NoteRequest {
    pub robot_id: String,
    /// `normal` or `video`, as in the share SDK.
    pub note_type: String,
    pub title: String,
    pub content: String,
    pub images: Vec<String>,
    pub video: Option<String>,
    pub cover: Option<String>,
    /// Ours, unique per send.
    pub request_id: String,
}

fn task_id(data: &Value) -> Result<String, RobotError> {
    match data.get("taskId") {
        Some(Value::String(s)) if !s.trim().is_empty() && s.trim().len() <= 100 => {
            Ok(s.trim().to_owned())
        }
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => Err(RobotError::Malformed(
            "the answer has no data.taskId".into(),
        )),
    }
}

/// Page size of the list function (the guide's maximum).
const PAGE_SIZE: u64 = 100;

impl RobotClient {
    pub fn new(config: RobotsConfig) -> Result<Self, RobotError> {
        let mut token =
            HeaderValue::from_str(config.merchant_token.expose_secret()).map_err(|_| {
                RobotError::Malformed("the Merchant-Token is not a header value".into())
            })?;
        // Kept out of any Debug output of the request.
        token.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert("Merchant-Token", token);
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(config.timeout)
            .build()
            .map_err(|e| RobotError::Transport(e.without_url().to_string()))?;
        Ok(Self { config, http })
    }

    /// Calls a function and returns its `data` when `code` is 0, counting
    /// the outcome (`xhs_robot_provider_calls_total`).
    async fn call(
        &self,
        function: &'static str,
        path: &str,
        body: Value,
    ) -> Result<Value, RobotError> {
        let outcome = self.call_once(path, body).await;
        let label = match &outcome {
            Ok(_) => "ok",
            Err(RobotError::RateLimited(_)) => "rate_limited",
            Err(RobotError::Rejected { .. }) => "rejected",
            Err(RobotError::Timeout) => "timeout",
            Err(RobotError::Transport(_)) => "unreachable",
            Err(RobotError::Malformed(_)) => "malformed",
        };
        metrics::counter!("xhs_robot_provider_calls_total", "function" => function, "outcome" => label)
            .increment(1);
        outcome
    }

    async fn call_once(&self, path: &str, body: Value) -> Result<Value, RobotError> {
        let url = self
            .config
            .base_url
            .join(path.trim_start_matches('/'))
            .map_err(|e| RobotError::Malformed(format!("path {path}: {e}")))?;
        let res = self.http.post(url).json(&body).send().await.map_err(|e| {
            if e.is_timeout() {
                RobotError::Timeout
            } else {
                RobotError::Transport(e.without_url().to_string())
            }
        })?;
        let status = res.status();
        let answer: Value = res
            .json()
            .await
            .map_err(|e| RobotError::Malformed(format!("HTTP {status}: {}", e.without_url())))?;
        let code = answer.get("code").and_then(Value::as_i64).unwrap_or(-1);
        let msg = answer
            .get("msg")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        match code {
            0 => Ok(answer.get("data").cloned().unwrap_or(Value::Null)),
            RATE_LIMITED_CODE => Err(RobotError::RateLimited(msg)),
            code => Err(RobotError::Rejected { code, msg }),
        }
    }

    /// One page of robots (1-based).
    pub async fn list(&self, page: u64) -> Result<RobotPage, RobotError> {
        let data = self
            .call(
                "list",
                &self.config.list_path,
                json!({"page": page, "pageSize": PAGE_SIZE}),
            )
            .await?;
        let rows = data
            .get("rows")
            .and_then(Value::as_array)
            .ok_or_else(|| RobotError::Malformed("the list has no data.rows".into()))?;
        Ok(RobotPage {
            rows: rows.iter().filter_map(RobotRow::parse).collect(),
            total: data.get("total").and_then(Value::as_u64).unwrap_or(0),
        })
    }

    /// Asks the provider to publish a note from a robot; the provider's task
    /// id (the result comes later, to the callback URL).
    pub async fn publish(&self, note: &NoteRequest) -> Result<String, RobotError> {
        let data = self
            .call(
                "publish",
                &self.config.publish_path,
                json!({
                    "robotId": note.robot_id,
                    "type": note.note_type,
                    "title": note.title,
                    "content": note.content,
                    "images": note.images,
                    "video": note.video,
                    "cover": note.cover,
                    "requestId": note.request_id,
                }),
            )
            .await?;
        task_id(&data)
    }

    /// True when `given` is the Merchant-Token (callbacks and pushed events
    /// carry it), compared in constant time.
    pub fn is_merchant_token(&self, given: &str) -> bool {
        use subtle::ConstantTimeEq;
        let ours = self.config.merchant_token.expose_secret().as_bytes();
        ours.len() == given.len() && bool::from(ours.ct_eq(given.as_bytes()))
    }

    /// Every robot, page after page until the total is reached or a page is
    /// empty (a provider that miscounts cannot loop us forever).
    pub async fn all(&self) -> Result<Vec<RobotRow>, RobotError> {
        let mut all = Vec::new();
        for page in 1.. {
            let p = self.list(page).await?;
            let got = p.rows.len();
            all.extend(p.rows);
            if got == 0 || all.len() as u64 >= p.total || page >= 10_000 {
                break;
            }
        }
        Ok(all)
    }
}
