//! Robot accounts (XHS_FACTS section 5) are accounts too: the provider's id,
//! avatar and the states that decide whether a robot may be called.
use crate::util::timestamp;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum XhsAccount {
    Table,
    ProviderId,
    AvatarUrl,
    Online,
    Captcha,
    Enabled,
    SyncedAt,
}

const INDEX: &str = "ux_xhs_account_provider_id";

fn columns() -> Vec<ColumnDef> {
    vec![
        ColumnDef::new(XhsAccount::ProviderId)
            .string_len(64)
            .null()
            .to_owned(),
        ColumnDef::new(XhsAccount::AvatarUrl)
            .string_len(500)
            .null()
            .to_owned(),
        ColumnDef::new(XhsAccount::Online)
            .boolean()
            .not_null()
            .default(false)
            .to_owned(),
        ColumnDef::new(XhsAccount::Captcha)
            .boolean()
            .not_null()
            .default(false)
            .to_owned(),
        ColumnDef::new(XhsAccount::Enabled)
            .boolean()
            .not_null()
            .default(true)
            .to_owned(),
        timestamp(XhsAccount::SyncedAt).null().to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for col in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(XhsAccount::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(XhsAccount::Table)
                    .col(XhsAccount::ProviderId)
                    .unique()
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
        for col in [
            XhsAccount::ProviderId,
            XhsAccount::AvatarUrl,
            XhsAccount::Online,
            XhsAccount::Captcha,
            XhsAccount::Enabled,
            XhsAccount::SyncedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(XhsAccount::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
