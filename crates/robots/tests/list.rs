//! The client against the fake provider: a real HTTP server on 127.0.0.1.
#![allow(clippy::unwrap_used)]
use std::time::Duration;
use xhs_fakes::robots::{FakeRobots, LIST_PATH};
use xhs_robots::{RobotClient, RobotError, RobotsConfig};

fn client(base: &str, token: &str) -> RobotClient {
    RobotClient::new(RobotsConfig {
        base_url: url::Url::parse(base).unwrap(),
        merchant_token: token.to_owned().into(),
        list_path: LIST_PATH.into(),
        publish_path: "/api/sdk/note/publish".into(),
        login_path: "/api/sdk/robot/login".into(),
        timeout: Duration::from_secs(3),
    })
    .unwrap()
}

#[tokio::test]
async fn every_robot_is_read_over_three_pages() {
    let fake = FakeRobots::start("merchant-token-1", 250).await;
    let robots = client(&fake.base_url(), "merchant-token-1")
        .all()
        .await
        .unwrap();
    assert_eq!(robots.len(), 250);
    assert_eq!(fake.list_calls(), 3);
    assert_eq!(robots[249].nickname.as_deref(), Some("机器人249"));
}

#[tokio::test]
async fn a_wrong_merchant_token_is_a_refusal_that_does_not_show_the_token() {
    let fake = FakeRobots::start("merchant-token-1", 5).await;
    let err = client(&fake.base_url(), "not-the-token")
        .all()
        .await
        .unwrap_err();
    assert!(
        matches!(err, RobotError::Rejected { code: 401, .. }),
        "{err:?}"
    );
    assert!(!err.to_string().contains("not-the-token"));
}
