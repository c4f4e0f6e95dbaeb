//! Share links. The token is the only handle the public side ever sees.
use crate::entities::share_link::{self, Entity as LinkEntity};
use crate::entities::x_post;
use crate::values::{all, one, Post};
use crate::Link;
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

#[derive(Debug, Clone)]
pub struct NewLink {
    pub token: String,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub label: Option<String>,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    pub platforms: Vec<xhs_domain::SharePlatform>,
    pub not_before: Option<chrono::DateTime<chrono::Utc>>,
    /// The variant of the note the link serves; None: the note's own text.
    pub variant_id: Option<i64>,
}

pub async fn create(db: &impl ConnectionTrait, l: &NewLink) -> Result<Link, PersistenceError> {
    share_link::ActiveModel {
        token: Set(l.token.clone()),
        post_id: Set(l.post_id),
        account_id: Set(l.account_id),
        label: Set(l.label.clone()),
        expires_at: Set(l.expires_at.map(|e| e.naive_utc())),
        revoked_at: Set(None),
        created_at: Set(now_utc()),
        platforms: Set(Some(crate::values::platforms_column(&l.platforms))),
        not_before: Set(l.not_before.map(|t| t.naive_utc())),
        variant_id: Set(l.variant_id),
        ..Default::default()
    }
    .insert(db)
    .await?
    .try_into()
}

/// A link by token, with its post (deleted or not: the caller decides what a
/// deleted post's link answers).
pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(Link, Post)>, PersistenceError> {
    let found = LinkEntity::find()
        .filter(share_link::Column::Token.eq(token))
        .find_also_related(x_post::Entity)
        .one(db)
        .await?;
    match found {
        Some((l, Some(p))) => Ok(Some((Link::try_from(l)?, Post::try_from(p)?))),
        _ => Ok(None),
    }
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Link>, PersistenceError> {
    one(LinkEntity::find_by_id(id).one(db).await?)
}

/// Many links by id (those that exist).
pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<Link>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    all(LinkEntity::find()
        .filter(share_link::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

pub async fn list_for_post(
    db: &impl ConnectionTrait,
    post_id: i64,
) -> Result<Vec<Link>, PersistenceError> {
    all(LinkEntity::find()
        .filter(share_link::Column::PostId.eq(post_id))
        .order_by_desc(share_link::Column::Id)
        .all(db)
        .await?)
}

/// Up to `limit` links of a post after id `after` (None: from the first),
/// by ascending id: an export's keyset pages.
pub async fn page_for_post(
    db: &impl ConnectionTrait,
    post_id: i64,
    after: Option<i64>,
    limit: u64,
) -> Result<Vec<Link>, PersistenceError> {
    use sea_orm::QuerySelect;
    let mut q = LinkEntity::find().filter(share_link::Column::PostId.eq(post_id));
    if let Some(after) = after {
        q = q.filter(share_link::Column::Id.gt(after));
    }
    all(q
        .order_by_asc(share_link::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Revokes a link that is not revoked yet; false when there was none.
pub async fn revoke(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    let r = LinkEntity::update_many()
        .col_expr(share_link::Column::RevokedAt, Expr::value(Some(now_utc())))
        .filter(share_link::Column::Id.eq(id))
        .filter(share_link::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    let revoked = r.rows_affected == 1;
    if revoked {
        // A campaign's assignment carried by the link is cancelled with it.
        crate::campaign_sync::resync(db, &crate::campaign_sync::Scope::Link(id)).await?;
    }
    Ok(revoked)
}

/// Moves when a link opens (a campaign's move, pause or resume).
pub async fn set_not_before(
    db: &impl ConnectionTrait,
    id: i64,
    not_before: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<(), PersistenceError> {
    LinkEntity::update_many()
        .col_expr(
            share_link::Column::NotBefore,
            Expr::value(not_before.map(|t| t.naive_utc())),
        )
        .filter(share_link::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Creates many links at once (a campaign's launch), in chunks; answers
/// their ids in the order given.
pub async fn create_many(
    db: &impl ConnectionTrait,
    links: &[NewLink],
) -> Result<Vec<i64>, PersistenceError> {
    use sea_orm::QuerySelect;
    let now = now_utc();
    let mut ids = Vec::with_capacity(links.len());
    for chunk in links.chunks(500) {
        let rows = chunk.iter().map(|l| share_link::ActiveModel {
            token: Set(l.token.clone()),
            post_id: Set(l.post_id),
            account_id: Set(l.account_id),
            label: Set(l.label.clone()),
            expires_at: Set(l.expires_at.map(|e| e.naive_utc())),
            revoked_at: Set(None),
            created_at: Set(now),
            platforms: Set(Some(crate::values::platforms_column(&l.platforms))),
            not_before: Set(l.not_before.map(|t| t.naive_utc())),
            variant_id: Set(l.variant_id),
            ..Default::default()
        });
        LinkEntity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
        let found: Vec<(i64, String)> = LinkEntity::find()
            .select_only()
            .column(share_link::Column::Id)
            .column(share_link::Column::Token)
            .filter(share_link::Column::Token.is_in(chunk.iter().map(|l| l.token.clone())))
            .into_tuple()
            .all(db)
            .await?;
        let by_token: std::collections::HashMap<String, i64> =
            found.into_iter().map(|(id, t)| (t, id)).collect();
        for l in chunk {
            ids.push(
                by_token
                    .get(&l.token)
                    .copied()
                    .ok_or_else(|| PersistenceError::Corrupt {
                        column: "share_link.token",
                        value: "a link just inserted is missing".into(),
                    })?,
            );
        }
    }
    Ok(ids)
}
