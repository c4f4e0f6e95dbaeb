/// What the store can fail with. Constraint violations are told apart so the
/// HTTP layer can answer 409 instead of 500.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("a row with the same unique key exists")]
    UniqueViolation,
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("stored value {value:?} in {column} is not one the code knows")]
    Corrupt { column: &'static str, value: String },
    /// A database (a backup's copy) whose applied migrations are not
    /// exactly this build's.
    #[error("migrations do not match this build: {0}")]
    Migrations(String),
    #[error("database error")]
    Db(#[source] sea_orm::DbErr),
    /// The database cannot be reached (no connection within the acquire
    /// timeout, or the connection broke): worth retrying later.
    #[error("the database is unavailable")]
    Unavailable(#[source] sea_orm::DbErr),
}

/// Whether `e` says the database is out of reach rather than that a
/// statement failed.
fn is_unavailable(e: &sea_orm::DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    use sea_orm::{DbErr, RuntimeErr};
    match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(s)) | DbErr::Query(RuntimeErr::SqlxError(s)) => match s {
            Sqlx::Io(_)
            | Sqlx::Tls(_)
            | Sqlx::Protocol(_)
            | Sqlx::PoolTimedOut
            | Sqlx::PoolClosed
            | Sqlx::WorkerCrashed => true,
            // SQLSTATE class 08 (connection exception), 57P01..03 (shutdown).
            Sqlx::Database(d) => d
                .code()
                .is_some_and(|c| c.starts_with("08") || c.starts_with("57P0")),
            _ => false,
        },
        _ => false,
    }
}

impl From<sea_orm::DbErr> for PersistenceError {
    fn from(e: sea_orm::DbErr) -> Self {
        match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => Self::UniqueViolation,
            _ if is_unavailable(&e) => Self::Unavailable(e),
            _ => Self::Db(e),
        }
    }
}
