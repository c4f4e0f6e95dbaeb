//! A campaign's parts: its notes in order and its audience as chosen (the
//! rows of `campaign_post` and `campaign_audience`), and what reads need of
//! its notes (their variants to deal out, their titles to name rows).
use crate::entities::campaign_audience::{self as audience, Entity as AudienceEntity};
use crate::entities::campaign_post::{self as cpost, Entity as PostEntity};
use crate::PersistenceError;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

const ACCOUNT: &str = "account";
const GROUP: &str = "group";

#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub(crate) post_ids: Vec<i64>,
    pub(crate) account_ids: Vec<i64>,
    pub(crate) group_ids: Vec<i64>,
}

/// The notes and audience of the campaigns given, in their chosen order.
pub(crate) async fn parts(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, Parts>, PersistenceError> {
    let mut out: HashMap<i64, Parts> = HashMap::new();
    let posts = PostEntity::find()
        .filter(cpost::Column::CampaignId.is_in(ids.iter().copied()))
        .order_by_asc(cpost::Column::Position)
        .all(db)
        .await?;
    for p in posts {
        out.entry(p.campaign_id)
            .or_default()
            .post_ids
            .push(p.post_id);
    }
    let rows = AudienceEntity::find()
        .filter(audience::Column::CampaignId.is_in(ids.iter().copied()))
        .order_by_asc(audience::Column::Position)
        .all(db)
        .await?;
    for a in rows {
        let e = out.entry(a.campaign_id).or_default();
        if a.kind == GROUP {
            e.group_ids.push(a.ref_id);
        } else {
            e.account_ids.push(a.ref_id);
        }
    }
    Ok(out)
}

/// Deletes the notes and audience rows of a campaign.
pub(crate) async fn delete_parts(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<(), PersistenceError> {
    PostEntity::delete_many()
        .filter(cpost::Column::CampaignId.eq(id))
        .exec(db)
        .await?;
    AudienceEntity::delete_many()
        .filter(audience::Column::CampaignId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Writes the notes and audience of a campaign (after deleting the old ones).
pub(crate) async fn write_parts(
    db: &impl ConnectionTrait,
    id: i64,
    post_ids: &[i64],
    account_ids: &[i64],
    group_ids: &[i64],
) -> Result<(), PersistenceError> {
    delete_parts(db, id).await?;
    let posts = post_ids
        .iter()
        .enumerate()
        .map(|(i, p)| cpost::ActiveModel {
            campaign_id: Set(id),
            post_id: Set(*p),
            position: Set(i as i32),
        });
    if !post_ids.is_empty() {
        PostEntity::insert_many(posts)
            .exec_without_returning(db)
            .await?;
    }
    let refs = account_ids
        .iter()
        .map(|a| (ACCOUNT, *a))
        .chain(group_ids.iter().map(|g| (GROUP, *g)));
    let rows: Vec<_> = refs
        .enumerate()
        .map(|(i, (kind, r))| audience::ActiveModel {
            campaign_id: Set(id),
            kind: Set(kind.to_owned()),
            ref_id: Set(r),
            position: Set(i as i32),
        })
        .collect();
    for chunk in rows.chunks(500) {
        AudienceEntity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The variants of each note given, as (variant id, label), in their order.
pub async fn load_variants(
    db: &impl ConnectionTrait,
    post_ids: &[i64],
) -> Result<HashMap<i64, Vec<(i64, String)>>, PersistenceError> {
    Ok(crate::variants::variants_of(db, post_ids)
        .await?
        .into_iter()
        .map(|(post, vs)| {
            (
                post,
                vs.into_iter().map(|v| (v.id, v.fields.label)).collect(),
            )
        })
        .collect())
}

/// The titles of the notes given (deleted ones too), in one query.
pub async fn post_titles(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, String>, PersistenceError> {
    use crate::entities::x_post;
    let rows: Vec<(i64, String)> = x_post::Entity::find()
        .select_only()
        .column(x_post::Column::Id)
        .column(x_post::Column::Title)
        .filter(x_post::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}
