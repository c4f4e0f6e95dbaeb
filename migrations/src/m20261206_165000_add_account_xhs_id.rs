//! An account's 小红书号 (issue 20 item 2): a roster import matches an
//! account by it. NULL: not known (every account made before).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XhsAccount {
    Table,
    XhsId,
}

const INDEX: &str = "idx_xhs_account_xhs_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let col = ColumnDef::new(XhsAccount::XhsId)
            .string_len(64)
            .null()
            .to_owned();
        manager
            .alter_table(
                Table::alter()
                    .table(XhsAccount::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(XhsAccount::Table)
                    .col(XhsAccount::XhsId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(XhsAccount::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(XhsAccount::Table)
                    .drop_column(XhsAccount::XhsId)
                    .to_owned(),
            )
            .await
    }
}
