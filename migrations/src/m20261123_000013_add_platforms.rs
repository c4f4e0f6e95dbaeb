//! More platforms from one link (issue 11): the platforms a link offers
//! (comma-separated; NULL on links made before, which offer XHS only), and the
//! platform of each event and of the tap that moved a publish record.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShareLink {
    Table,
    Platforms,
}

#[derive(DeriveIden)]
enum ShareEvent {
    Table,
    Platform,
}

#[derive(DeriveIden)]
enum PublishRecord {
    Table,
    Platform,
}

fn changes() -> Vec<(DynIden, ColumnDef)> {
    vec![
        (
            ShareLink::Table.into_iden(),
            ColumnDef::new(ShareLink::Platforms)
                .string_len(100)
                .null()
                .to_owned(),
        ),
        (
            ShareEvent::Table.into_iden(),
            ColumnDef::new(ShareEvent::Platform)
                .string_len(16)
                .null()
                .to_owned(),
        ),
        (
            PublishRecord::Table.into_iden(),
            ColumnDef::new(PublishRecord::Platform)
                .string_len(16)
                .null()
                .to_owned(),
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in changes() {
            manager
                .alter_table(Table::alter().table(table).add_column(col).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in changes() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Alias::new(col.get_column_name()))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
