//! The provider's HTTP side: the list and publish functions, with the
//! guide's token check, limits (9400) and later callbacks.
use super::{Call, Outcome, State, LIST_PATH, PUBLISH_PATH};
use actix_web::{dev::Server, web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

pub(super) fn run(listener: TcpListener, state: Arc<Mutex<State>>) -> std::io::Result<Server> {
    let data = web::Data::from(state);
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .route(LIST_PATH, web::post().to(list))
            .route(PUBLISH_PATH, web::post().to(publish))
    })
    .workers(1)
    .disable_signals()
    .shutdown_timeout(0)
    .listen(listener)?
    .run())
}

/// The provider's answer to a call without the right token.
fn unauthorized() -> HttpResponse {
    HttpResponse::Ok().json(json!({"code": 401, "msg": "Merchant-Token 无效"}))
}

fn token_ok(req: &HttpRequest, expected: &str) -> bool {
    req.headers()
        .get("Merchant-Token")
        .and_then(|v| v.to_str().ok())
        == Some(expected)
}

async fn list(
    state: web::Data<Mutex<State>>,
    req: HttpRequest,
    body: web::Json<Value>,
) -> HttpResponse {
    let delay = state.lock().unwrap_or_else(|p| p.into_inner()).delay;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
    s.list_calls += 1;
    if !token_ok(&req, &s.token) {
        return unauthorized();
    }
    let page = body["page"].as_u64().unwrap_or(1).max(1) as usize;
    let size = body["pageSize"].as_u64().unwrap_or(10).clamp(1, 100) as usize;
    let rows: Vec<Value> = s
        .robots
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .cloned()
        .collect();
    HttpResponse::Ok().json(json!({
        "code": 0,
        "msg": "success",
        "data": {"page": page, "pageSize": size, "rows": rows, "total": s.robots.len()},
    }))
}

/// The guide's answer to a call over a limit.
fn over_limit(frequency: usize, window: u64) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "code": 9400,
        "msg": format!("流量超限 RateLimitConfigInfo {{ Frequency = {frequency}, TimeWindow = {window}, Type = Solo }}"),
    }))
}

async fn publish(
    state: web::Data<Mutex<State>>,
    req: HttpRequest,
    body: web::Json<Value>,
) -> HttpResponse {
    let held = {
        let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
        s.publish_requests += 1;
        s.publish_delay
    };
    if !held.is_zero() {
        tokio::time::sleep(held).await;
    }
    let (task_id, outcome, url, delay, token, answer_delay) = {
        let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
        if !token_ok(&req, &s.token) {
            return unauthorized();
        }
        let robot = body["robotId"].as_str().unwrap_or_default().to_owned();
        if !s.robots.iter().any(|r| r["id"] == robot.as_str()) {
            return HttpResponse::Ok().json(json!({"code": 404, "msg": "机器人不存在"}));
        }
        let now = std::time::Instant::now();
        let mine: Vec<&Call> = s.calls.iter().filter(|c| c.robot_id == robot).collect();
        let limits = s.limits;
        if mine
            .last()
            .is_some_and(|c| now.duration_since(c.at) < limits.interval)
        {
            s.over_limit += 1;
            return over_limit(1, limits.interval.as_secs());
        }
        if mine.len() >= limits.per_day.min(limits.total_per_day) {
            s.over_limit += 1;
            return over_limit(limits.per_day, 86_400);
        }
        s.calls.push(Call {
            robot_id: robot.clone(),
            request_id: body["requestId"].as_str().unwrap_or_default().to_owned(),
            at: now,
            body: body.0.clone(),
        });
        let task_id = format!("task-{}", s.calls.len());
        let outcome = s.outcomes.get(&robot).cloned().unwrap_or(Outcome::Succeed);
        (
            task_id,
            outcome,
            s.callback_url.clone(),
            s.callback_delay,
            s.token.clone(),
            s.answer_delay,
        )
    };
    if let Some(url) = url {
        let id = task_id.clone();
        let n: u64 = task_id.trim_start_matches("task-").parse().unwrap_or(0);
        let note = format!(
            "https://www.xiaohongshu.com/explore/{:024x}",
            0x64a1_b2c3_d4e5_f607_u64 + n
        );
        let callbacks = state.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let result = match &outcome {
                Outcome::Fail(code, msg) => json!({"taskId": id, "code": code, "msg": msg}),
                _ => {
                    json!({"taskId": id, "code": 0, "msg": "success", "data": {"noteId": "n", "noteUrl": note}})
                }
            };
            let times = match outcome {
                Outcome::Silent => 0,
                Outcome::SucceedTwice => 2,
                _ => 1,
            };
            for _ in 0..times {
                let status = reqwest::Client::new()
                    .post(&url)
                    .header("Merchant-Token", &token)
                    .json(&result)
                    .send()
                    .await
                    .map_or(0, |r| r.status().as_u16());
                callbacks
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .callback_statuses
                    .push(status);
            }
        });
    }
    if !answer_delay.is_zero() {
        tokio::time::sleep(answer_delay).await;
    }
    HttpResponse::Ok().json(json!({"code": 0, "msg": "success", "data": {"taskId": task_id}}))
}
