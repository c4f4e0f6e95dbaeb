//! Figures for the notes' list at 100 000 notes (issue 14): a search, a type
//! filter that matches nothing, a page 90 000 deep, before and after migration
//! 19 (search index and filter indexes), through `posts::list` itself.
//!
//! ```text
//! cargo run --release -p xhs-persistence --example search_figures [-- URL]
//! ```
//!
//! URL is an empty database (SQLite in a temp file when omitted); NOTES sets
//! the number of notes; PLANS=1 prints the database's plan of each query;
//! INDEX_FIRST=1 applies migration 19 first and writes the notes through it
//! (what the server does), measuring only that. It prints the median and best of 21 runs of each
//! query, checks that both schemas answer with the same rows, and asserts no
//! timing: the lead's `just bench` measures the server from outside.
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, QueryTrait, Select, Statement,
    TransactionTrait,
};
use std::error::Error;
use std::time::{Duration, Instant};
use xhs_domain::{PostType, ReviewStatus};
use xhs_persistence::entities::x_post::Entity;
use xhs_persistence::posts::{self, ListFilter, PostFields};

type Res<T> = Result<T, Box<dyn Error>>;

const SEARCH_MIGRATION: &str = "m20261125_000019_add_post_search";
const WORDS: [&str; 12] = [
    "周末",
    "城市漫步",
    "咖啡",
    "露营",
    "穿搭",
    "读书",
    "小红书",
    "旅行",
    "美食",
    "健身",
    "摄影",
    "手账",
];
const RUNS: usize = 21;

fn note(i: usize) -> PostFields {
    let w = |k: usize| WORDS[k % WORDS.len()];
    PostFields {
        post_type: PostType::Normal,
        title: format!("{}笔记 {i}", w(i)),
        content: format!(
            "第 {i} 篇：{}和{}的一天 #{} 今天天气很好，我们一起去看看这座城市的另一面，记录下每一个值得分享的瞬间。",
            w(i * 7),
            w(i * 5 + 3),
            w(i)
        ),
        cover_url: None,
        image_urls: vec!["https://img.example.com/1.jpg".into()],
        video_url: None,
    }
}

#[tokio::main]
async fn main() -> Res<()> {
    let n: usize = std::env::var("NOTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let url = match std::env::args().nth(1) {
        Some(url) => url,
        None => {
            let path = std::env::temp_dir().join("xhs_search_figures.db");
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
            format!("sqlite://{}?mode=rwc", path.display())
        }
    };
    let db = xhs_persistence::connect(&url).await?;
    println!("{:?}, {n} notes", db.get_database_backend());
    let before_19 = Migrator::migrations()
        .iter()
        .position(|m| m.name() == SEARCH_MIGRATION)
        .ok_or("migration 19 is not registered")?;
    if std::env::var_os("INDEX_FIRST").is_some() {
        // The notes written one by one through the triggers and indexes, as
        // the server writes them, rather than indexed at once by the migration.
        Migrator::up(&db, None).await?;
        let last_id = timed_fill(&db, n).await?;
        println!("\nwith migration 19 applied before the notes were written");
        measure(&db, &queries(last_id), Query::Now).await?;
        return Ok(());
    }
    Migrator::up(&db, Some(u32::try_from(before_19)?)).await?;
    let last_id = timed_fill(&db, n).await?;

    let queries = queries(last_id);
    println!("\nbefore migration 19 (the list's query before it)");
    let before = measure(&db, &queries, Query::Before).await?;
    let t = Instant::now();
    Migrator::up(&db, None).await?;
    println!(
        "\nmigration 19 (indexes, backfill) took {:.1} s",
        t.elapsed().as_secs_f64()
    );
    println!("\nafter migration 19");
    let after = measure(&db, &queries, Query::Now).await?;
    for ((name, _), (b, a)) in queries.iter().zip(before.iter().zip(&after)) {
        if b != a {
            return Err(format!("{name}: the rows differ before and after").into());
        }
    }
    println!("\nevery query answered the same rows before and after");
    // What the triggers and the new indexes cost a write.
    let more = 2_000.min(n);
    let t = Instant::now();
    fill(&db, n, n + more).await?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "made {more} more notes after migration 19 in {secs:.1} s ({:.0}/s)",
        more as f64 / secs
    );
    Ok(())
}

async fn timed_fill(db: &DatabaseConnection, n: usize) -> Res<i64> {
    let t = Instant::now();
    let last_id = fill(db, 0, n).await?;
    let secs = t.elapsed().as_secs_f64();
    println!("made {n} notes in {secs:.1} s ({:.0}/s)", n as f64 / secs);
    Ok(last_id)
}

/// Notes `from..to` in transactions of 1000, every 50th deleted; the last id.
async fn fill(db: &DatabaseConnection, from: usize, n: usize) -> Res<i64> {
    let mut last = 0;
    for start in (from..n).step_by(1000) {
        let txn = db.begin().await?;
        for i in start..n.min(start + 1000) {
            last = posts::create(&txn, &note(i)).await?.id;
            if i % 50 == 0 {
                posts::soft_delete(&txn, last).await?;
            }
        }
        txn.commit().await?;
    }
    Ok(last)
}

fn queries(last_id: i64) -> Vec<(&'static str, ListFilter)> {
    let page = |f: ListFilter| ListFilter { limit: 21, ..f };
    let search = |q: &str| {
        page(ListFilter {
            q: Some(q.into()),
            ..Default::default()
        })
    };
    vec![
        ("first page", page(ListFilter::default())),
        (
            "page 90 000 deep",
            page(ListFilter {
                before_id: Some(last_id - 90_000),
                ..Default::default()
            }),
        ),
        (
            "type filter (none match)",
            page(ListFilter {
                post_type: Some(PostType::Video),
                ..Default::default()
            }),
        ),
        (
            "review filter (none match)",
            page(ListFilter {
                review_status: Some(ReviewStatus::Approved),
                ..Default::default()
            }),
        ),
        ("search 小红书", search("小红书")),
        (
            "search 小红书, 90 000 deep",
            ListFilter {
                before_id: Some(last_id - 90_000),
                ..search("小红书")
            },
        ),
        ("search 第 12345 篇 (one note)", search("第 12345 篇")),
        ("search 不存在的词 (none match)", search("不存在的词")),
        ("search 咖啡 (2 chars: scan)", search("咖啡")),
        ("search 狐狸 (2 chars, none match)", search("狐狸")),
    ]
}

#[derive(Clone, Copy)]
enum Query {
    /// The query `posts::list` ran before migration 19 (its tables are not
    /// there yet): `LIKE` on title or content, newest first.
    Before,
    /// `posts::list` as it is.
    Now,
}

fn before_19(f: &ListFilter) -> Select<Entity> {
    use sea_orm::sea_query::{Expr, LikeExpr};
    use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    use xhs_persistence::entities::x_post::Column;
    let mut cond = Condition::all().add(Column::IsDeleted.eq(false));
    if let Some(b) = f.before_id {
        cond = cond.add(Column::Id.lt(b));
    }
    if let Some(t) = f.post_type {
        cond = cond.add(Column::PostType.eq(t.as_str()));
    }
    if let Some(r) = f.review_status {
        cond = cond.add(Column::ReviewStatus.eq(r.as_str()));
    }
    if let Some(q) = &f.q {
        // The figures' queries hold no LIKE wildcard.
        let like = |c: Column| Expr::col(c).like(LikeExpr::new(format!("%{q}%")).escape('\\'));
        cond = cond.add(
            Condition::any()
                .add(like(Column::Title))
                .add(like(Column::Content)),
        );
    }
    Entity::find()
        .filter(cond)
        .order_by_desc(Column::Id)
        .limit(f.limit)
}

impl Query {
    fn select(self, backend: DatabaseBackend, f: &ListFilter) -> Select<Entity> {
        match self {
            Self::Before => before_19(f),
            Self::Now => posts::list_query(backend, f),
        }
    }
}

/// The database's plan for `select`, one line per step.
async fn plan(db: &DatabaseConnection, select: Select<Entity>) -> Res<Vec<String>> {
    let backend = db.get_database_backend();
    let stmt = select.build(backend);
    let (explain, columns): (_, &[&str]) = match backend {
        DatabaseBackend::Sqlite => ("EXPLAIN QUERY PLAN", &["detail"]),
        DatabaseBackend::Postgres => ("EXPLAIN", &["QUERY PLAN"]),
        DatabaseBackend::MySql => ("EXPLAIN", &["table", "type", "key", "rows", "Extra"]),
    };
    let rows = db
        .query_all(Statement {
            sql: format!("{explain} {}", stmt.sql),
            ..stmt
        })
        .await?;
    Ok(rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|c| {
                    r.try_get::<Option<String>>("", c)
                        .ok()
                        .flatten()
                        .or_else(|| {
                            r.try_get::<Option<i64>>("", c)
                                .ok()
                                .flatten()
                                .map(|n| n.to_string())
                        })
                        .unwrap_or_else(|| "NULL".into())
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect())
}

/// Times each query; returns the ids each answered.
async fn measure(
    db: &DatabaseConnection,
    queries: &[(&'static str, ListFilter)],
    how: Query,
) -> Res<Vec<Vec<i64>>> {
    let mut answers = Vec::new();
    for (name, filter) in queries {
        let mut times = Vec::with_capacity(RUNS);
        let mut ids = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            ids = match how {
                Query::Before => how
                    .select(db.get_database_backend(), filter)
                    .all(db)
                    .await?
                    .iter()
                    .map(|p| p.id)
                    .collect(),
                Query::Now => posts::list(db, filter)
                    .await?
                    .iter()
                    .map(|p| p.id)
                    .collect(),
            };
            times.push(t.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "  {name:<34} p50 {:>8.2} ms   best {:>8.2} ms   {} rows",
            ms(times[RUNS / 2]),
            ms(times[0]),
            ids.len()
        );
        if std::env::var_os("PLANS").is_some() {
            for line in plan(db, how.select(db.get_database_backend(), filter)).await? {
                println!("      {line}");
            }
        }
        answers.push(ids);
    }
    Ok(answers)
}
