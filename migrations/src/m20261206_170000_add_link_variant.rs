//! A link serves a variant of its note (a campaign deals variants to
//! people), and so does a robot task (the provider's publish takes the
//! title, content and images): `share_link.variant_id` and
//! `robot_task.variant_id`, NULL for the note's own text. Deleting the
//! variant sets them back to NULL, and the note's own text is served again.
//! SQLite adds a column with its reference in one statement (it cannot add
//! a foreign key to a table otherwise).
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ShareLink {
    Table,
}

#[derive(DeriveIden)]
enum RobotTask {
    Table,
}

#[derive(DeriveIden)]
enum XPostVariant {
    Table,
    Id,
}

#[derive(DeriveIden)]
struct VariantId;

/// Each table and the name of its foreign key.
fn tables() -> [(DynIden, &'static str); 2] {
    [
        (ShareLink::Table.into_iden(), "fk_share_link_variant"),
        (RobotTask::Table.into_iden(), "fk_robot_task_variant"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, fk) in tables() {
            if manager.get_database_backend() == DatabaseBackend::Sqlite {
                let sql = format!(
                    "ALTER TABLE {} ADD COLUMN variant_id integer NULL \
                     REFERENCES x_post_variant (id) ON DELETE SET NULL",
                    table.to_string()
                );
                manager.get_connection().execute_unprepared(&sql).await?;
                continue;
            }
            let col = ColumnDef::new(VariantId).big_integer().null().to_owned();
            manager
                .alter_table(
                    Table::alter()
                        .table(table.clone())
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name(fk)
                        .from(table, VariantId)
                        .to(XPostVariant::Table, XPostVariant::Id)
                        .on_delete(ForeignKeyAction::SetNull)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, fk) in tables() {
            if manager.get_database_backend() != DatabaseBackend::Sqlite {
                manager
                    .drop_foreign_key(ForeignKey::drop().name(fk).table(table.clone()).to_owned())
                    .await?;
            }
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(VariantId)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
