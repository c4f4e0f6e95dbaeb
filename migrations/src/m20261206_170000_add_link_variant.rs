//! A link serves a variant of its note (a campaign deals variants to
//! people): `share_link.variant_id`, NULL for the note's own text. Deleting
//! the variant sets it back to NULL, and the link serves the note again.
//! SQLite adds a column with its reference in one statement (it cannot add
//! a foreign key to a table otherwise).
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShareLink {
    Table,
    VariantId,
}

#[derive(DeriveIden)]
enum XPostVariant {
    Table,
    Id,
}

const FK: &str = "fk_share_link_variant";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            let sql = "ALTER TABLE share_link ADD COLUMN variant_id integer NULL \
                       REFERENCES x_post_variant (id) ON DELETE SET NULL";
            manager.get_connection().execute_unprepared(sql).await?;
            return Ok(());
        }
        let col = ColumnDef::new(ShareLink::VariantId)
            .big_integer()
            .null()
            .to_owned();
        manager
            .alter_table(
                Table::alter()
                    .table(ShareLink::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        manager
            .create_foreign_key(
                ForeignKey::create()
                    .name(FK)
                    .from(ShareLink::Table, ShareLink::VariantId)
                    .to(XPostVariant::Table, XPostVariant::Id)
                    .on_delete(ForeignKeyAction::SetNull)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name(FK)
                        .table(ShareLink::Table)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(ShareLink::Table)
                    .drop_column(ShareLink::VariantId)
                    .to_owned(),
            )
            .await
    }
}
