//! What tests do to the database behind the application's back: failures
//! injected by trigger, row counts, the event rollups recounted from the raw
//! events, migrations reverted.
use xhs_persistence::DatabaseConnection;

/// Makes every `op` (INSERT or UPDATE) on `table` fail inside the database,
/// on whichever backend the test runs: a stand-in for a crash or a constraint
/// in the middle of a use case.
pub async fn inject_failure(db: &DatabaseConnection, table: &str, op: &str) {
    use xhs_persistence::ConnectionTrait;
    let name = format!("xhs_test_fail_{}_{}", table, op.to_lowercase());
    let statements = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => vec![format!(
            "CREATE TRIGGER {name} BEFORE {op} ON {table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )],
        sea_orm::DatabaseBackend::MySql => vec![format!(
            "CREATE TRIGGER {name} BEFORE {op} ON {table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'"
        )],
        sea_orm::DatabaseBackend::Postgres => vec![
            format!("CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql"),
            format!("CREATE TRIGGER {name} BEFORE {op} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"),
        ],
    };
    for sql in statements {
        db.execute_unprepared(&sql).await.unwrap();
    }
}

/// Rows in a table.
pub async fn count_rows(db: &DatabaseConnection, table: &str) -> i64 {
    use xhs_persistence::ConnectionTrait;
    let row = db
        .query_one(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// The rollups as the raw events say they should be: `(link, day, kind,
/// platform, post, account, n)`, ordered. The same grouping migration 18's
/// backfill uses.
pub const EVENT_RECOUNT: &str = "SELECT link_id, day, kind, COALESCE(platform, '') AS platform, \
     MAX(post_id) AS post_id, MAX(account_id) AS account_id, COUNT(*) AS n \
     FROM share_event GROUP BY link_id, day, kind, COALESCE(platform, '')";

/// Rebuilds the rollups from the raw events, for tests that rewrite raw
/// rows (backdating events) behind the application's back.
pub async fn recount_event_rollups(db: &DatabaseConnection) {
    use xhs_persistence::ConnectionTrait;
    db.execute_unprepared("DELETE FROM share_event_count")
        .await
        .unwrap();
    db.execute_unprepared(&format!(
        "INSERT INTO share_event_count (link_id, day, kind, platform, post_id, account_id, n) {EVENT_RECOUNT}"
    ))
    .await
    .unwrap();
}

/// Every rollup row and every recount row, ordered, as text: equal when the
/// rollups match the raw events.
pub async fn rollups_and_recount(db: &DatabaseConnection) -> (Vec<String>, Vec<String>) {
    use xhs_persistence::ConnectionTrait;
    let rows = |sql: String| async move {
        db.query_all(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            format!(
                "{}|{}|{}|{}|{}|{:?}|{}",
                r.try_get::<i64>("", "link_id").unwrap(),
                r.try_get::<String>("", "day").unwrap(),
                r.try_get::<String>("", "kind").unwrap(),
                r.try_get::<String>("", "platform").unwrap(),
                r.try_get::<i64>("", "post_id").unwrap(),
                r.try_get::<Option<i64>>("", "account_id").unwrap(),
                r.try_get::<i64>("", "n").unwrap(),
            )
        })
        .collect::<Vec<_>>()
    };
    let order = " ORDER BY link_id, day, kind, platform";
    let stored = rows(format!(
        "SELECT link_id, day, kind, platform, post_id, account_id, n FROM share_event_count{order}"
    ))
    .await;
    let recount = rows(format!("SELECT * FROM ({EVENT_RECOUNT}) AS r{order}")).await;
    (stored, recount)
}

/// Reverts every migration from `name` on (it included), whichever came
/// after it: a test of one migration's `up` on rows written before it.
pub async fn migrate_down_through(db: &DatabaseConnection, name: &str) {
    use migration::{Migrator, MigratorTrait};
    let from_end = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name() == name)
        .expect("a registered migration");
    xhs_persistence::migrate_down(db, u32::try_from(from_end + 1).unwrap())
        .await
        .unwrap();
}
