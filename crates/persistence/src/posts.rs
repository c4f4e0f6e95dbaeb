//! Queries and mutations over `x_post`. Deleted posts are invisible to every
//! reader here.
use crate::entities::x_post::{self, Entity as XPost};
use crate::values::{all, one};
use crate::{now_utc, search, PersistenceError, Post};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Select, Set,
};
use xhs_domain::{PostType, ReviewStatus};

/// The writable fields of a post, already validated by the domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFields {
    pub post_type: PostType,
    pub title: String,
    pub content: String,
    pub cover_url: Option<String>,
    pub image_urls: Vec<String>,
    pub video_url: Option<String>,
}

/// What the list asks for. `before_id` is the keyset cursor (newest first).
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub limit: u64,
    pub before_id: Option<i64>,
    pub post_type: Option<PostType>,
    pub q: Option<String>,
    pub review_status: Option<ReviewStatus>,
}

/// The result of an update that carried the version the client last saw.
#[derive(Debug)]
pub enum UpdateOutcome {
    Updated(Box<Post>),
    Conflict { current_version: i32 },
    NotFound,
}

/// The fields of a stored post (what a version keeps).
impl From<&Post> for PostFields {
    fn from(p: &Post) -> Self {
        Self {
            post_type: p.post_type,
            title: p.title.clone(),
            content: p.content.clone(),
            cover_url: p.cover_url.clone(),
            image_urls: p.image_urls.clone(),
            video_url: p.video_url.clone(),
        }
    }
}

pub(crate) fn image_json(urls: &[String]) -> String {
    serde_json::Value::from(urls.to_vec()).to_string()
}

pub async fn create(db: &impl ConnectionTrait, f: &PostFields) -> Result<Post, PersistenceError> {
    let now = now_utc();
    let row = x_post::ActiveModel {
        post_type: Set(f.post_type.as_str().to_owned()),
        title: Set(Some(f.title.clone())),
        content: Set(Some(f.content.clone())),
        cover_url: Set(f.cover_url.clone()),
        image_urls: Set(Some(image_json(&f.image_urls))),
        video_url: Set(f.video_url.clone()),
        is_deleted: Set(false),
        deleted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        review_status: Set(ReviewStatus::Draft.as_str().to_owned()),
        ..Default::default()
    };
    Post::try_from(row.insert(db).await?)
}

pub async fn find_live(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<Post>, PersistenceError> {
    one(XPost::find_by_id(id)
        .filter(x_post::Column::IsDeleted.eq(false))
        .one(db)
        .await?)
}

/// A post whether deleted or not (a link's page tells which).
pub async fn find_any(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<Post>, PersistenceError> {
    one(XPost::find_by_id(id).one(db).await?)
}

/// Live posts newest first; returns at most `limit` rows. A text query
/// matches what `LIKE '%q%'` on title or content matches (see `search`).
pub async fn list(
    db: &impl ConnectionTrait,
    f: &ListFilter,
) -> Result<Vec<Post>, PersistenceError> {
    all(list_query(db.get_database_backend(), f).all(db).await?)
}

/// The list's query on `backend` (public so a test can read its plan).
pub fn list_query(backend: DatabaseBackend, f: &ListFilter) -> Select<XPost> {
    let mut cond = Condition::all().add(x_post::Column::IsDeleted.eq(false));
    if let Some(before) = f.before_id {
        cond = cond.add(x_post::Column::Id.lt(before));
    }
    if let Some(t) = &f.post_type {
        cond = cond.add(x_post::Column::PostType.eq(t.as_str()));
    }
    if let Some(r) = f.review_status {
        cond = cond.add(x_post::Column::ReviewStatus.eq(r.as_str()));
    }
    let q = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    if let Some(q) = q {
        cond = cond.add(search::contains(backend, q));
    }
    let mut select = XPost::find().filter(cond);
    let narrowed = q.is_some_and(|q| search::narrow_by_index(&mut select, backend, q, f.before_id));
    if !narrowed {
        select = select.order_by_desc(x_post::Column::Id);
    }
    select.limit(f.limit)
}

/// Writes only when the stored version is `expected_version`; a stale writer
/// gets the current version and the row stays as it was. An approved note
/// goes back to `draft`: what was approved is not what is stored any more.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    expected_version: i32,
    f: &PostFields,
) -> Result<UpdateOutcome, PersistenceError> {
    let res = XPost::update_many()
        .col_expr(x_post::Column::PostType, Expr::value(f.post_type.as_str()))
        .col_expr(x_post::Column::Title, Expr::value(f.title.clone()))
        .col_expr(x_post::Column::Content, Expr::value(f.content.clone()))
        .col_expr(x_post::Column::CoverUrl, Expr::value(f.cover_url.clone()))
        .col_expr(
            x_post::Column::ImageUrls,
            Expr::value(image_json(&f.image_urls)),
        )
        .col_expr(x_post::Column::VideoUrl, Expr::value(f.video_url.clone()))
        .col_expr(x_post::Column::UpdatedAt, Expr::value(now_utc()))
        .col_expr(x_post::Column::ReviewStatus, demoted())
        .col_expr(
            x_post::Column::Version,
            Expr::col(x_post::Column::Version).add(1),
        )
        .filter(x_post::Column::Id.eq(id))
        .filter(x_post::Column::Version.eq(expected_version))
        .filter(x_post::Column::IsDeleted.eq(false))
        .exec(db)
        .await?;
    match find_live(db, id).await? {
        None => Ok(UpdateOutcome::NotFound),
        Some(row) if res.rows_affected == 1 => Ok(UpdateOutcome::Updated(Box::new(row))),
        Some(row) => Ok(UpdateOutcome::Conflict {
            current_version: row.version,
        }),
    }
}

/// Moves a live post's version on without changing its fields (a variant
/// changed): an approved note goes back to `draft`, as with any edit.
pub async fn bump(db: &impl ConnectionTrait, id: i64) -> Result<Option<Post>, PersistenceError> {
    XPost::update_many()
        .col_expr(x_post::Column::UpdatedAt, Expr::value(now_utc()))
        .col_expr(x_post::Column::ReviewStatus, demoted())
        .col_expr(
            x_post::Column::Version,
            Expr::col(x_post::Column::Version).add(1),
        )
        .filter(x_post::Column::Id.eq(id))
        .filter(x_post::Column::IsDeleted.eq(false))
        .exec(db)
        .await?;
    find_live(db, id).await
}

/// The review status after an edit: `approved` goes back to `draft`.
fn demoted() -> sea_orm::sea_query::SimpleExpr {
    Expr::case(
        x_post::Column::ReviewStatus.eq(ReviewStatus::Approved.as_str()),
        ReviewStatus::Draft.as_str(),
    )
    .finally(Expr::col(x_post::Column::ReviewStatus))
    .into()
}

/// Marks a live post deleted; false when there was none.
pub async fn soft_delete(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    let now = now_utc();
    let res = XPost::update_many()
        .col_expr(x_post::Column::IsDeleted, Expr::value(true))
        .col_expr(x_post::Column::DeletedAt, Expr::value(Some(now)))
        .col_expr(x_post::Column::UpdatedAt, Expr::value(now))
        .filter(x_post::Column::Id.eq(id))
        .filter(x_post::Column::IsDeleted.eq(false))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn count_live(db: &impl ConnectionTrait) -> Result<u64, PersistenceError> {
    use sea_orm::PaginatorTrait;
    Ok(XPost::find()
        .filter(x_post::Column::IsDeleted.eq(false))
        .count(db)
        .await?)
}

/// `(id, title)` of many posts, deleted or not (to name them in records).
pub async fn titles(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<(i64, Option<String>)>, PersistenceError> {
    titles_where(db, ids, Condition::all()).await
}

/// `(id, title)` of those of many posts that are not deleted.
pub async fn live_titles(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<(i64, Option<String>)>, PersistenceError> {
    titles_where(
        db,
        ids,
        Condition::all().add(x_post::Column::IsDeleted.eq(false)),
    )
    .await
}

async fn titles_where(
    db: &impl ConnectionTrait,
    ids: &[i64],
    cond: Condition,
) -> Result<Vec<(i64, Option<String>)>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(XPost::find()
        .select_only()
        .column(x_post::Column::Id)
        .column(x_post::Column::Title)
        .filter(x_post::Column::Id.is_in(ids.iter().copied()))
        .filter(cond)
        .into_tuple()
        .all(db)
        .await?)
}
