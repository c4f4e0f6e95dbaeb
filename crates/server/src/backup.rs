//! `xhs-publisher backup --out FILE`: a consistent copy of the SQLite
//! database while the server runs, checked before it is called good.
//! MySQL/MariaDB and PostgreSQL have their own tools; the command says which.
use crate::config::Settings;
use anyhow::Context;
use std::path::Path;
use std::time::Instant;
use xhs_persistence::Backend;

/// The caller asked for something this command will not do (an existing
/// file, another database): exit code 2, like a 4xx, and nothing written.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

const MYSQL: &str = "backup copies SQLite databases; for MySQL/MariaDB use its dump, \
    consistent while the server writes:\n  mysqldump --single-transaction --routines \
    --host HOST --user USER -p DATABASE > xhs-publisher.sql\n(see README: Backup)";
const POSTGRES: &str = "backup copies SQLite databases; for PostgreSQL use its dump, \
    consistent while the server writes:\n  pg_dump -Fc --host HOST --username USER \
    --file xhs-publisher.dump DATABASE\n(see README: Backup)";

/// Copies the database to `out` (`VACUUM INTO`), then opens the copy and
/// checks its migrations; prints where, how big and how long.
pub async fn run(settings: &Settings, out: &Path) -> anyhow::Result<()> {
    match Backend::of_url(&settings.database.url)? {
        Backend::MySql => return Err(Refused(MYSQL.into()).into()),
        Backend::Postgres => return Err(Refused(POSTGRES.into()).into()),
        Backend::Sqlite => {}
    }
    if out.exists() {
        return Err(Refused(format!(
            "{} exists; backup never overwrites a file: choose a new name or move that one away",
            out.display()
        ))
        .into());
    }
    let timeout = std::time::Duration::from_millis(settings.database.connect_timeout_ms.max(100));
    let db = xhs_persistence::connect_with(&settings.database.url, timeout)
        .await
        .with_context(|| format!("connecting to {}", settings.database.redacted_url()))?;
    let started = Instant::now();
    xhs_persistence::backup::vacuum_into(&db, out)
        .await
        .with_context(|| format!("copying the database to {}", out.display()))?;
    let took = started.elapsed();
    db.close().await.ok();
    let check = xhs_persistence::backup::check_copy(out)
        .await
        .with_context(|| {
            format!(
                "checking the copy at {} (keep the previous backup)",
                out.display()
            )
        })?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!(
        "backup written to {}: {} bytes in {:.2} s; checked: {} migrations applied, none unknown",
        out.display(),
        size,
        took.as_secs_f64(),
        check.applied
    );
    Ok(())
}
