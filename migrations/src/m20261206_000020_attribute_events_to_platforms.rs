//! Statistics add up (issue 21, item 6): events stored before this without a
//! platform are attributed as new ones are. On a link that offers one
//! platform (NULL `platforms`: XHS only) every event is for that platform;
//! a confirmed publish on a link of several platforms is for the platform
//! of the link's last tap before it. The rollups are then counted again
//! from the raw events, as migration 18 first counted them.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Events on a link of one platform take it ('xhs' for links made before
/// links named their platforms).
const SINGLE_PLATFORM: &str = "UPDATE share_event SET platform = \
     (SELECT COALESCE(l.platforms, 'xhs') FROM share_link l WHERE l.id = share_event.link_id) \
     WHERE platform IS NULL AND link_id IN \
     (SELECT id FROM share_link WHERE platforms IS NULL OR (platforms <> '' AND platforms NOT LIKE '%,%'))";

/// Confirmations still without a platform (links of several platforms).
const UNATTRIBUTED_CONFIRMATIONS: &str =
    "SELECT id, link_id FROM share_event WHERE kind = 'confirmed' AND platform IS NULL";

/// The rollups, counted again from every raw event.
const RECOUNT: &[&str] = &[
    "DELETE FROM share_event_count",
    "INSERT INTO share_event_count (link_id, day, kind, platform, post_id, account_id, n) \
     SELECT link_id, day, kind, COALESCE(platform, ''), MAX(post_id), MAX(account_id), COUNT(*) \
     FROM share_event GROUP BY link_id, day, kind, COALESCE(platform, '')",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        db.execute_unprepared(SINGLE_PLATFORM).await?;
        let rows = db
            .query_all(Statement::from_string(backend, UNATTRIBUTED_CONFIRMATIONS))
            .await?;
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let link_id: i64 = row.try_get("", "link_id")?;
            // Each confirmation is one statement: they are few (people paste
            // links by hand), and MySQL cannot update a table from a
            // subquery of the same table.
            let last_tap = db
                .query_one(Statement::from_sql_and_values(
                    backend,
                    rewrite(
                        backend,
                        "SELECT platform FROM share_event WHERE link_id = ? AND id < ? \
                         AND kind = 'publish_tapped' AND platform IS NOT NULL \
                         ORDER BY id DESC LIMIT 1",
                    ),
                    [link_id.into(), id.into()],
                ))
                .await?;
            if let Some(tap) = last_tap {
                let platform: String = tap.try_get("", "platform")?;
                db.execute(Statement::from_sql_and_values(
                    backend,
                    rewrite(backend, "UPDATE share_event SET platform = ? WHERE id = ?"),
                    [platform.into(), id.into()],
                ))
                .await?;
            }
        }
        for sql in RECOUNT {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    /// The attribution stays (it is what happened, and the rollups agree
    /// with it); nothing in the schema changed.
    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

/// `?` placeholders as PostgreSQL numbers them (`$1`, `$2`, …).
fn rewrite(backend: sea_orm_migration::sea_orm::DatabaseBackend, sql: &str) -> String {
    use sea_orm_migration::sea_orm::DatabaseBackend;
    if backend != DatabaseBackend::Postgres {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 4);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}
