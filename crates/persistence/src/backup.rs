//! A consistent copy of an SQLite database while the server writes to it
//! (`VACUUM INTO`: one read transaction, so the copy is the database as of
//! one instant, compacted; writers go on meanwhile under WAL), and the check
//! that a copy is one this build can serve.
use crate::{Backend, PersistenceError};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};
use sea_orm_migration::MigrationStatus;
use std::path::Path;

/// Writes a copy of `db` (SQLite) to `out`, which must not exist yet
/// (SQLite refuses to write into a database file that has content).
pub async fn vacuum_into(db: &DatabaseConnection, out: &Path) -> Result<(), PersistenceError> {
    let target = out
        .to_str()
        .ok_or_else(|| PersistenceError::InvalidUrl(format!("{} is not UTF-8", out.display())))?;
    db.execute(Statement::from_sql_and_values(
        sea_orm::DatabaseBackend::Sqlite,
        "VACUUM INTO ?",
        [target.into()],
    ))
    .await?;
    Ok(())
}

/// What the check of a copy found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyCheck {
    /// Migrations applied in the copy: every one this build knows.
    pub applied: usize,
}

/// Opens the SQLite file at `path` (without creating it) and checks its
/// migrations: all of this build's applied, none this build does not know.
pub async fn check_copy(path: &Path) -> Result<CopyCheck, PersistenceError> {
    // sqlx reads the file name percent-decoded: escape what would end it.
    let name = path
        .display()
        .to_string()
        .replace('%', "%25")
        .replace('?', "%3F")
        .replace('#', "%23");
    let url = format!("sqlite://{name}?mode=rw");
    debug_assert_eq!(Backend::of_url(&url).ok(), Some(Backend::Sqlite));
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(1).sqlx_logging(false);
    let db = Database::connect(opts).await?;
    let checked = migrations_complete(&db).await;
    db.close().await?;
    checked
}

/// Every migration of this build applied in `db`, and no unknown one.
pub async fn migrations_complete(db: &impl ConnectionTrait) -> Result<CopyCheck, PersistenceError> {
    let all = Migrator::get_migration_with_status(db)
        .await
        .map_err(|e| PersistenceError::Migrations(e.to_string()))?;
    let pending: Vec<&str> = all
        .iter()
        .filter(|m| m.status() == MigrationStatus::Pending)
        .map(|m| m.name())
        .collect();
    if !pending.is_empty() {
        return Err(PersistenceError::Migrations(format!(
            "{} not applied: {}",
            pending.len(),
            pending.join(", ")
        )));
    }
    Ok(CopyCheck { applied: all.len() })
}
