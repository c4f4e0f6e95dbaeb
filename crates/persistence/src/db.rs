use crate::PersistenceError;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, TransactionTrait};
use std::time::Duration;

/// The three backends sea-orm serves here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    MySql,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Self, PersistenceError> {
        let scheme = url.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Self::Sqlite),
            "mysql" | "mariadb" => Ok(Self::MySql),
            "postgres" | "postgresql" => Ok(Self::Postgres),
            _ => Err(PersistenceError::InvalidUrl(format!(
                "scheme '{scheme}' is not one of sqlite, mysql, postgres"
            ))),
        }
    }
}

/// Connects with the default 10 s timeouts (tools and tests).
pub async fn connect(url: &str) -> Result<DatabaseConnection, PersistenceError> {
    connect_with(url, Duration::from_secs(10)).await
}

/// Connects, creating an SQLite file (and its folder) on first start. A new
/// connection must be made within `timeout`, and a refused or broken one
/// fails at once, so a lost database is a prompt 503, not a hang; the pool
/// reconnects by itself. On PostgreSQL and MariaDB `timeout` bounds the
/// wait for a pooled connection too: that wait includes the pool's retries
/// of a refused connect and its check of an idle connection, which hang
/// for as long as the database is gone (they took the whole 10 s before).
/// SQLite has no connection to lose; its pool waits are writers queueing
/// for the one write lock, so they keep the 10 s.
pub async fn connect_with(
    url: &str,
    timeout: Duration,
) -> Result<DatabaseConnection, PersistenceError> {
    let backend = Backend::of_url(url)?;
    let url = if backend == Backend::Sqlite {
        prepare_sqlite(url)?
    } else {
        url.to_owned()
    };
    let acquire = if backend == Backend::Sqlite {
        timeout.max(Duration::from_secs(10))
    } else {
        timeout
    };
    let mut opts = ConnectOptions::new(url);
    opts.connect_timeout(timeout)
        .acquire_timeout(acquire)
        .sqlx_logging(false);
    if backend == Backend::Sqlite {
        // One writer at a time is SQLite's nature; a small pool with WAL keeps
        // readers from blocking the writer.
        opts.max_connections(4);
    }
    let db = Database::connect(opts).await?;
    if backend == Backend::Sqlite {
        db.execute_unprepared("PRAGMA journal_mode=WAL;").await?;
        db.execute_unprepared("PRAGMA foreign_keys=ON;").await?;
    }
    Ok(db)
}

/// Applies every pending migration, on one connection in one transaction:
/// all or nothing where the backend has transactional DDL (SQLite,
/// PostgreSQL; MySQL commits each statement).
///
/// One connection matters on SQLite: a connection checks a `CREATE` against
/// the schema it last read, so a pooled connection that has not run a
/// statement since another one dropped a name refuses to create it again
/// ("index … already exists"). Seen when migrations ran while the pool
/// served other work.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), PersistenceError> {
    let txn = db.begin().await?;
    Migrator::up(&txn, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Reverts the last `steps` migrations, the way [`migrate`] applies them.
/// For tests of a migration on rows written before it.
pub async fn migrate_down(db: &DatabaseConnection, steps: u32) -> Result<(), PersistenceError> {
    let txn = db.begin().await?;
    Migrator::down(&txn, Some(steps)).await?;
    txn.commit().await?;
    Ok(())
}

fn prepare_sqlite(url: &str) -> Result<String, PersistenceError> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" {
        return Ok(url.to_owned());
    }
    if let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            PersistenceError::InvalidUrl(format!("cannot create {}: {e}", dir.display()))
        })?;
    }
    let query = if query.contains("mode=") {
        query.to_owned()
    } else if query.is_empty() {
        "mode=rwc".to_owned()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok(format!("sqlite://{path}?{query}"))
}

/// Begins a transaction that will write. On SQLite it takes the write lock
/// first thing, as `BEGIN IMMEDIATE` would (a write that matches no row; on
/// MariaDB and PostgreSQL it is a plain `BEGIN`): a SQLite transaction that
/// reads and then writes fails at once with "database is locked" when
/// another writer committed in between, whatever the busy timeout, and
/// FTS5's triggers read before every write to `x_post`. With the lock taken
/// first, concurrent writers wait their turn instead.
pub async fn begin_write(
    db: &sea_orm::DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, PersistenceError> {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let txn = db.begin().await?;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
        txn.execute_unprepared("UPDATE seaql_migrations SET version = version WHERE 1 = 0")
            .await?;
    }
    Ok(txn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backends_are_told_by_scheme() {
        assert_eq!(
            Backend::of_url("sqlite://data/x.db").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            Backend::of_url("mysql://root@h/db").ok(),
            Some(Backend::MySql)
        );
        assert_eq!(
            Backend::of_url("postgres://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert!(Backend::of_url("redis://h").is_err());
    }
}
