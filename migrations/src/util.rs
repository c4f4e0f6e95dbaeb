use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

/// An auto-increment 64-bit primary key. SQLite only auto-increments a column
/// declared `integer` (which is 64-bit there); the others take `bigint`.
pub fn id_column<T: IntoIden>(manager: &SchemaManager, name: T) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    match manager.get_database_backend() {
        DatabaseBackend::Sqlite => col.integer(),
        _ => col.big_integer(),
    };
    col.not_null().auto_increment().primary_key();
    col
}

/// A UTC timestamp column (`DATETIME` on MySQL, `timestamp` on PostgreSQL).
pub fn timestamp<T: IntoIden>(name: T) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    col.date_time();
    col
}
