//! What the queue does when things go wrong: full, stopping, a batch the
//! database refuses.
use super::*;

#[tokio::test]
async fn a_full_queue_answers_503_event_queue_full_and_loses_nothing_it_accepted() {
    let app = with(queue_of_one).await;
    let (post, link) = post_with_link(&app, json!({})).await;
    let (lock, first, second) = fill(&app, &link).await;
    let token = link["token"].as_str().unwrap();

    let refused = event(&app, token, json!({"kind": "opened"})).await;

    let retry_after = refused.headers().get("retry-after").cloned();
    let (status, p) = problem(refused).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("event_queue_full"))
    );
    assert_eq!(retry_after.unwrap(), "1");
    lock.rollback().await.unwrap();
    assert_eq!(
        first.await.unwrap().unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        second.await.unwrap().unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(count_rows(&app.db, "share_event").await, 2);
    let stats = app.get_json(&format!("/api/posts/{post}/stats")).await;
    assert_eq!(stats["totals"]["opens"], 2);
}

#[tokio::test]
async fn events_queued_when_the_server_stops_are_written_before_it_ends() {
    let mut app = with(one_by_one).await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    let lock = hold_writer(&app, &link).await;
    let sent: Vec<_> = (0..5).map(|_| opened(&app, token)).collect();
    queued(&app, 5).await;

    // Not graceful: the handlers waiting for their commit are dropped, their
    // events stay queued.
    app.server.stop(false).await;
    for s in sent {
        let _ = s.await;
    }
    let running = app.running.take().unwrap();
    settle().await;
    assert!(!running.is_finished(), "the writer is still draining");
    lock.rollback().await.unwrap();

    assert!(running.await.unwrap(), "stopped cleanly");
    assert_eq!(count_rows(&app.db, "share_event").await, 5);
    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored, recount);
}

/// Makes the database refuse any event whose reason is `poison`.
async fn refuse_poison(db: &sea_orm::DatabaseConnection) {
    let statements = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => vec![
            "CREATE TRIGGER xhs_test_poison BEFORE INSERT ON share_event \
             WHEN NEW.reason = 'poison' BEGIN SELECT RAISE(ABORT, 'poison'); END"
                .to_owned(),
        ],
        sea_orm::DatabaseBackend::MySql => vec![
            "CREATE TRIGGER xhs_test_poison BEFORE INSERT ON share_event FOR EACH ROW \
             BEGIN IF NEW.reason = 'poison' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poison'; END IF; END"
                .to_owned(),
        ],
        sea_orm::DatabaseBackend::Postgres => vec![
            "CREATE FUNCTION xhs_test_poison() RETURNS trigger AS $$ BEGIN \
             IF NEW.reason = 'poison' THEN RAISE EXCEPTION 'poison'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
                .to_owned(),
            "CREATE TRIGGER xhs_test_poison BEFORE INSERT ON share_event \
             FOR EACH ROW EXECUTE FUNCTION xhs_test_poison()"
                .to_owned(),
        ],
    };
    for sql in statements {
        db.execute_unprepared(&sql).await.unwrap();
    }
}

#[tokio::test]
async fn an_event_the_database_refuses_fails_alone_not_its_whole_batch() {
    let app = with(|s| {
        s.events.batch_rows = 10;
        s.events.linger_ms = 0;
    })
    .await;
    let (post, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    refuse_poison(&app.db).await;
    // The writer takes a first event alone and waits; the next five queue up
    // and are written as one batch once it goes on.
    let lock = hold_writer(&app, &link).await;
    let first = opened(&app, token);
    queued(&app, 1).await;
    let batch: Vec<_> = ["ok", "ok", "poison", "ok", "ok"]
        .into_iter()
        .map(|reason| {
            let req = app
                .client
                .post(app.url(&format!("/api/share/{token}/events")))
                .json(&json!({"kind": "sdk_failed", "reason": reason}));
            tokio::spawn(req.send())
        })
        .collect();
    queued(&app, 6).await;
    lock.rollback().await.unwrap();

    let mut statuses = Vec::new();
    for r in batch {
        statuses.push(r.await.unwrap().unwrap().status().as_u16());
    }

    assert_eq!(
        first.await.unwrap().unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(statuses, [204, 204, 500, 204, 204]);
    let stats = app.get_json(&format!("/api/posts/{post}/stats")).await;
    assert_eq!(
        (
            stats["totals"]["opens"].as_i64(),
            stats["totals"]["failures"].as_i64()
        ),
        (Some(1), Some(4))
    );
    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored, recount);
}
