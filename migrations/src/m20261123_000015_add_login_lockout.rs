//! Login protection per user (issue 12): failed attempts since the last
//! success, and until when the user is locked after too many.
use crate::util::timestamp;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Operator {
    Table,
    FailedLogins,
    LockedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        let failed = ColumnDef::new(Operator::FailedLogins)
            .integer()
            .not_null()
            .default(0)
            .to_owned();
        for col in [failed, timestamp(Operator::LockedUntil).null().to_owned()] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Operator::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [Operator::FailedLogins, Operator::LockedUntil] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Operator::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
