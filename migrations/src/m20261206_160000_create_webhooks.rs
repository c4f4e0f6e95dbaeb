//! Signed webhooks with an outbox (issue 22 item 1 and 4): `webhook` holds an
//! endpoint (its secret, and the previous one during a rotation's 24 hours),
//! `webhook_event` is the outbox an event is written to in the transaction of
//! the change that causes it, and `webhook_delivery` is one event for one
//! endpoint: the worker claims due rows with a lease.
use crate::util::{id_column, timestamp};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Webhook {
    Table,
    Id,
    Url,
    Events,
    Description,
    Enabled,
    Secret,
    PreviousSecret,
    PreviousSecretUntil,
    FailingSince,
    DisabledReason,
    DisabledAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WebhookEvent {
    Table,
    Id,
    EventType,
    Data,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebhookDelivery {
    Table,
    Id,
    WebhookId,
    EventId,
    MsgId,
    Status,
    Attempts,
    NextAttemptAt,
    LeaseOwner,
    LeaseUntil,
    LastStatusCode,
    LastAttemptAt,
    LastError,
    LastResponseBody,
    CreatedAt,
    UpdatedAt,
}

/// A timestamp with microseconds: MariaDB's plain `DATETIME` keeps whole
/// seconds, and retries and leases count fractions of one in tests.
fn precise<T: IntoIden>(manager: &SchemaManager, name: T) -> ColumnDef {
    match manager.get_database_backend() {
        DatabaseBackend::MySql => {
            let mut col = ColumnDef::new(name);
            col.custom(Alias::new("DATETIME(6)"));
            col
        }
        _ => timestamp(name),
    }
}

/// A column referencing an id: SQLite's `integer`, the others' `bigint`.
fn reference<T: IntoIden>(manager: &SchemaManager, name: T) -> ColumnDef {
    let mut col = ColumnDef::new(name);
    match manager.get_database_backend() {
        DatabaseBackend::Sqlite => col.integer(),
        _ => col.big_integer(),
    };
    col.not_null();
    col
}

fn webhook(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(Webhook::Table)
        .if_not_exists()
        .col(id_column(manager, Webhook::Id))
        .col(ColumnDef::new(Webhook::Url).string_len(2000).not_null())
        // A JSON array of event types.
        .col(ColumnDef::new(Webhook::Events).text().not_null())
        .col(
            ColumnDef::new(Webhook::Description)
                .string_len(200)
                .not_null(),
        )
        .col(ColumnDef::new(Webhook::Enabled).boolean().not_null())
        // Kept so the worker can sign; never listed, logged or audited.
        .col(ColumnDef::new(Webhook::Secret).string_len(100).not_null())
        .col(
            ColumnDef::new(Webhook::PreviousSecret)
                .string_len(100)
                .null(),
        )
        .col(timestamp(Webhook::PreviousSecretUntil).null())
        // The first failed attempt since the last success (5 days: disabled).
        .col(timestamp(Webhook::FailingSince).null())
        .col(
            ColumnDef::new(Webhook::DisabledReason)
                .string_len(300)
                .null(),
        )
        .col(timestamp(Webhook::DisabledAt).null())
        .col(timestamp(Webhook::CreatedAt).not_null())
        .col(timestamp(Webhook::UpdatedAt).not_null())
        .to_owned()
}

fn event(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(WebhookEvent::Table)
        .if_not_exists()
        .col(id_column(manager, WebhookEvent::Id))
        .col(
            ColumnDef::new(WebhookEvent::EventType)
                .string_len(40)
                .not_null(),
        )
        .col(ColumnDef::new(WebhookEvent::Data).text().not_null())
        .col(timestamp(WebhookEvent::CreatedAt).not_null())
        .to_owned()
}

fn delivery(manager: &SchemaManager) -> TableCreateStatement {
    Table::create()
        .table(WebhookDelivery::Table)
        .if_not_exists()
        .col(id_column(manager, WebhookDelivery::Id))
        .col(reference(manager, WebhookDelivery::WebhookId))
        .col(reference(manager, WebhookDelivery::EventId))
        // `msg_…`: the `webhook-id` header, the same on every attempt.
        .col(
            ColumnDef::new(WebhookDelivery::MsgId)
                .string_len(40)
                .not_null(),
        )
        .col(
            ColumnDef::new(WebhookDelivery::Status)
                .string_len(20)
                .not_null(),
        )
        .col(
            ColumnDef::new(WebhookDelivery::Attempts)
                .integer()
                .not_null(),
        )
        .col(precise(manager, WebhookDelivery::NextAttemptAt).null())
        .col(
            ColumnDef::new(WebhookDelivery::LeaseOwner)
                .string_len(64)
                .null(),
        )
        .col(precise(manager, WebhookDelivery::LeaseUntil).null())
        .col(
            ColumnDef::new(WebhookDelivery::LastStatusCode)
                .integer()
                .null(),
        )
        .col(precise(manager, WebhookDelivery::LastAttemptAt).null())
        .col(
            ColumnDef::new(WebhookDelivery::LastError)
                .string_len(300)
                .null(),
        )
        // At most 1 KB of the receiver's answer.
        .col(
            ColumnDef::new(WebhookDelivery::LastResponseBody)
                .text()
                .null(),
        )
        .col(timestamp(WebhookDelivery::CreatedAt).not_null())
        .col(timestamp(WebhookDelivery::UpdatedAt).not_null())
        .index(
            Index::create()
                .name("uq_webhook_delivery_msg_id")
                .col(WebhookDelivery::MsgId)
                .unique(),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_webhook_delivery_webhook")
                .from(WebhookDelivery::Table, WebhookDelivery::WebhookId)
                .to(Webhook::Table, Webhook::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_webhook_delivery_event")
                .from(WebhookDelivery::Table, WebhookDelivery::EventId)
                .to(WebhookEvent::Table, WebhookEvent::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(webhook(manager)).await?;
        manager.create_table(event(manager)).await?;
        manager.create_table(delivery(manager)).await?;
        // The worker's claim: pending rows due first.
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_delivery_due")
                    .table(WebhookDelivery::Table)
                    .col(WebhookDelivery::Status)
                    .col(WebhookDelivery::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        // An endpoint's deliveries, newest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_delivery_webhook")
                    .table(WebhookDelivery::Table)
                    .col(WebhookDelivery::WebhookId)
                    .col(WebhookDelivery::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_delivery_event")
                    .table(WebhookDelivery::Table)
                    .col(WebhookDelivery::EventId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            WebhookDelivery::Table.into_iden(),
            WebhookEvent::Table.into_iden(),
            Webhook::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
