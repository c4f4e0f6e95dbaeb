//! Callbacks that race the provider's answer, and callbacks that never come.
use super::{dispatch, fast, fleet, robot_ids, status, until};
use serde_json::Value;
use std::time::Duration;
use xhs_fakes::robots::Outcome;
use xhs_server::Settings;

/// Overdue after one second of silence.
fn fast_with_grace(s: &mut Settings) {
    fast(s);
    s.robots.callback_grace_secs = 1;
}

#[tokio::test]
async fn a_callback_that_arrives_before_the_providers_answer_still_settles_the_task() {
    let (fake, app) = fleet(1, fast).await;
    // The result leaves at once; the answer with its task id half a second
    // later, so the callback finds no recorded task id when it arrives.
    fake.set_callback(&app.url("/api/robots/callback"), Duration::ZERO);
    fake.set_answer_delay(Duration::from_millis(500));

    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;

    let done = until(&app, post, 60, |t| status(t) == "succeeded").await;
    assert!(done[0]["note_url"].as_str().is_some(), "{done:#?}");
    let answered = fake.callback_statuses();
    assert!(
        answered.len() == 1 && (200..300).contains(&answered[0]),
        "the callback was taken: {answered:?}"
    );
}

#[tokio::test]
async fn an_accepted_task_without_a_callback_is_overdue_after_the_grace_not_before() {
    // With the default grace (600 s) a fresh acceptance is not overdue.
    let (fake, app) = fleet(1, fast).await;
    fake.set_outcome(0, Outcome::Silent);
    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;
    let t = until(&app, post, 30, |t| status(t) == "accepted").await;
    assert_eq!(t[0]["overdue"], false);
    let dash: Value = app.get("/api/dashboard").await.json().await.unwrap();
    assert_eq!(dash["tasks"]["overdue"], 0);

    // With one second of grace it becomes overdue, still accepted (the
    // 7200 s timeout is far), and the dashboard counts it.
    let (fake, app) = fleet(1, fast_with_grace).await;
    fake.set_outcome(0, Outcome::Silent);
    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;
    let t = until(&app, post, 30, |t| t["overdue"] == true).await;
    assert_eq!(status(&t[0]), "accepted");
    let dash: Value = app.get("/api/dashboard").await.json().await.unwrap();
    assert_eq!(dash["tasks"]["overdue"], 1, "{dash}");
}
