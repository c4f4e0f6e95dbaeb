//! Links that open later (issue 19): before `not_before` a share page shows
//! when it opens instead of its buttons, and its payload is refused. NULL:
//! open from the start (every link made before).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShareLink {
    Table,
    NotBefore,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let col = ColumnDef::new(ShareLink::NotBefore)
            .date_time()
            .null()
            .to_owned();
        manager
            .alter_table(
                Table::alter()
                    .table(ShareLink::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ShareLink::Table)
                    .drop_column(ShareLink::NotBefore)
                    .to_owned(),
            )
            .await
    }
}
