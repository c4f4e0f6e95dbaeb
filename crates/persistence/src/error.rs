/// What the store can fail with. Constraint violations are told apart so the
/// HTTP layer can answer 409 instead of 500.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("a row with the same unique key exists")]
    UniqueViolation,
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("database error")]
    Db(#[source] sea_orm::DbErr),
}

impl From<sea_orm::DbErr> for PersistenceError {
    fn from(e: sea_orm::DbErr) -> Self {
        match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => Self::UniqueViolation,
            _ => Self::Db(e),
        }
    }
}
