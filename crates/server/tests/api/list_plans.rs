//! The lists' plans on SQLite: each filter reads a composite index newest
//! first (`... AND id < ? ORDER BY id DESC LIMIT n` as an index range scan,
//! no sort) and a search reads the trigram index. The queries are the lists'
//! own (`list_query`); a test fails if an index they need is dropped. The
//! other backends' plans depend on their statistics: the search report (issue
//! 14) shows them, from `cargo run -p xhs-persistence --example search_figures`.
use crate::helpers::{spawn_app, TestApp};
use sea_orm::{DatabaseBackend, EntityTrait, QueryTrait, Select, Statement};
use xhs_domain::{AuditTarget, PostType, ReviewStatus, TaskStatus};
use xhs_persistence::posts::ListFilter;
use xhs_persistence::tasks::TaskFilter;
use xhs_persistence::{audit, posts, tasks, ConnectionTrait};

/// SQLite's plan for `select`, one step a line.
async fn plan<E: EntityTrait>(app: &TestApp, select: Select<E>) -> String {
    let stmt = select.build(DatabaseBackend::Sqlite);
    let explain = Statement {
        sql: format!("EXPLAIN QUERY PLAN {}", stmt.sql),
        ..stmt
    };
    app.db
        .query_all(explain)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "detail").unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A fresh app on SQLite; `None` on the other backends.
async fn on_sqlite() -> Option<TestApp> {
    let app = spawn_app().await;
    (app.db.get_database_backend() == DatabaseBackend::Sqlite).then_some(app)
}

fn assert_reads(plan: &str, expected: &str, what: &str) {
    assert!(plan.contains(expected), "{what}:\n{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{what} sorts:\n{plan}");
}

#[tokio::test]
async fn the_note_filters_and_the_search_read_their_indexes() {
    let Some(app) = on_sqlite().await else { return };
    let page = |f: ListFilter| ListFilter {
        limit: 21,
        before_id: Some(90_000),
        ..f
    };
    for (filter, expected) in [
        (
            page(ListFilter::default()),
            "USING INDEX idx_x_post_live_id ",
        ),
        (
            page(ListFilter {
                post_type: Some(PostType::Video),
                ..Default::default()
            }),
            "USING INDEX idx_x_post_live_type ",
        ),
        (
            page(ListFilter {
                review_status: Some(ReviewStatus::Approved),
                ..Default::default()
            }),
            "USING INDEX idx_x_post_live_review ",
        ),
        (
            page(ListFilter {
                post_type: Some(PostType::Video),
                review_status: Some(ReviewStatus::Approved),
                ..Default::default()
            }),
            "USING INDEX idx_x_post_live_type_review ",
        ),
        (
            page(ListFilter {
                q: Some("小红书".into()),
                ..Default::default()
            }),
            "SCAN x_post_fts VIRTUAL TABLE",
        ),
        (
            page(ListFilter {
                q: Some("小红书".into()),
                post_type: Some(PostType::Video),
                ..Default::default()
            }),
            "SCAN x_post_fts VIRTUAL TABLE",
        ),
    ] {
        let p = plan(&app, posts::list_query(DatabaseBackend::Sqlite, &filter)).await;
        assert_reads(&p, expected, &format!("{filter:?}"));
    }
}

#[tokio::test]
async fn the_task_and_audit_filters_read_their_indexes() {
    let Some(app) = on_sqlite().await else { return };
    let tasks = |f: TaskFilter| TaskFilter {
        limit: 21,
        before_id: Some(90_000),
        ..f
    };
    for (filter, expected) in [
        (
            tasks(TaskFilter {
                status: Some(TaskStatus::Failed),
                ..Default::default()
            }),
            "USING INDEX ix_robot_task_status_id ",
        ),
        (
            tasks(TaskFilter {
                robot_id: Some(7),
                ..Default::default()
            }),
            "USING INDEX ix_robot_task_robot_id ",
        ),
    ] {
        let p = plan(&app, tasks::list_query(&filter)).await;
        assert_reads(&p, expected, &format!("{filter:?}"));
    }
    let by_target = audit::AuditFilter {
        target_type: Some(AuditTarget::Post),
        before_id: Some(90_000),
        limit: 21,
        ..Default::default()
    };
    let p = plan(&app, audit::list_query(&by_target)).await;
    assert_reads(
        &p,
        "USING INDEX ix_audit_log_target_type_id ",
        "audit by target type",
    );
}
