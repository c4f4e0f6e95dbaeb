//! The notes' text search: "title or content contains `q`", the same rows on
//! every backend, found through the substring index each one has (migration
//! 19). Notes are Chinese, with no spaces between words, so only a
//! substring (trigram) index serves them; a word index would not find 小红书
//! in 我在小红书发笔记.
//!
//! The `LIKE '%q%'` condition is always part of the query, so what it matches
//! is the answer by definition; an index only narrows the rows it is tried on:
//!
//! - SQLite: the FTS5 trigram table gives the candidates (a superset: its case
//!   folding covers LIKE's), newest first, from the cursor down.
//! - PostgreSQL: `ILIKE`, which the `pg_trgm` GIN indexes serve.
//! - MariaDB: `LIKE`, a scan of the live notes (no index can serve it, see
//!   the migration).
//!
//! A query of one or two characters is shorter than a trigram: no index
//! serves it, and it scans on every backend (newest first, stopping when the
//! page is full, so a common word is quick and a rare one reads every note).
//!
//! Case: ASCII letters match either case on all three. Beyond ASCII each
//! backend applies its own rules (SQLite's LIKE none, PostgreSQL's the
//! database's `LC_CTYPE`, MariaDB's the column collation, which also ignores
//! some accents). Chinese has no case.
use crate::entities::x_post;
use sea_orm::sea_query::{Alias, BinOper, Expr, JoinType, LikeExpr, Order, SimpleExpr};
use sea_orm::{Condition, DatabaseBackend, QueryTrait, Select};

/// The FTS5 table of migration 19 and its rowid (the note's id).
const FTS_TABLE: &str = "x_post_fts";

/// Trigrams need three characters: a shorter query matches no row through
/// FTS5 (nor through a `pg_trgm` index), so it is answered by the scan.
const MIN_INDEXED_CHARS: usize = 3;

/// Title or content contains `q`, literally (`%`, `_` and `\` included),
/// ASCII case-insensitively.
pub(crate) fn contains(backend: DatabaseBackend, q: &str) -> Condition {
    let pattern = format!("%{}%", escape_like(q));
    // PostgreSQL's LIKE is case-sensitive (SQLite's is not for ASCII, nor
    // MariaDB's collation), so it takes ILIKE, but only for a query with a
    // letter that has a case: on Chinese text ILIKE lowercases every row it
    // tries (a scan of 100 000 notes: 150 ms against LIKE's 55), and a query
    // without such letters matches the same rows either way.
    let like = |col: x_post::Column| -> SimpleExpr {
        let col = Expr::col((x_post::Entity, col));
        match backend {
            // Without `ESCAPE`: `\` is PostgreSQL's default escape character,
            // and sea-query's `ilike` with one writes invalid SQL.
            DatabaseBackend::Postgres if has_case(q) => {
                col.binary(BinOper::Custom("ILIKE"), pattern.clone())
            }
            _ => col.like(LikeExpr::new(pattern.clone()).escape('\\')),
        }
    };
    Condition::any()
        .add(like(x_post::Column::Title))
        .add(like(x_post::Column::Content))
}

/// Whether `q` has a letter with an upper and a lower case.
pub(crate) fn has_case(q: &str) -> bool {
    q.chars().any(|c| !c.to_lowercase().eq(c.to_uppercase()))
}

/// On SQLite, for a query of three characters or more: joins the trigram
/// index, so only the notes it names are read, newest first from the cursor
/// down, and the scan stops at the page's end. `false` when it does not apply
/// (the caller orders by id and scans).
pub(crate) fn narrow_by_index(
    select: &mut Select<x_post::Entity>,
    backend: DatabaseBackend,
    q: &str,
    before_id: Option<i64>,
) -> bool {
    if backend != DatabaseBackend::Sqlite || q.chars().count() < MIN_INDEXED_CHARS {
        return false;
    }
    let rowid = || (Alias::new(FTS_TABLE), Alias::new("rowid"));
    // `x_post_fts CROSS JOIN x_post`: SQLite keeps a CROSS JOIN's left table
    // as the outer loop. Left to choose, with a cursor it walks x_post by id
    // and runs the MATCH once per note, which is slower than the scan.
    let query = QueryTrait::query(select);
    query
        .from_clear()
        .from(Alias::new(FTS_TABLE))
        .join(
            JoinType::CrossJoin,
            x_post::Entity,
            Expr::col(rowid()).equals((x_post::Entity, x_post::Column::Id)),
        )
        .and_where(Expr::cust_with_values(
            "x_post_fts MATCH ?",
            [fts5_string(q)],
        ))
        .order_by(rowid(), Order::Desc);
    // On the index's own rowid too: FTS5 then starts at the cursor.
    if let Some(before) = before_id {
        query.and_where(Expr::col(rowid()).lt(before));
    }
    true
}

/// `q` as one FTS5 string: every character literal (`AND`, `OR`, `NOT`,
/// `NEAR`, `*`, `(`, `:` ... are text), `"` doubled.
fn fts5_string(q: &str) -> String {
    format!("\"{}\"", q.replace('"', "\"\""))
}

pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::EntityTrait;

    #[test]
    fn an_fts5_string_keeps_every_character_literal() {
        assert_eq!(fts5_string("小红书"), "\"小红书\"");
        assert_eq!(fts5_string("a\"b OR c*"), "\"a\"\"b OR c*\"");
    }

    #[test]
    fn only_letters_with_a_case_need_ilike() {
        assert!(!has_case("小红书 100%"));
        assert!(has_case("小红书 App"));
        assert!(has_case("é"));
        assert!(has_case("ǅ"));
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like(r"50%_off\"), r"50\%\_off\\");
    }

    #[test]
    fn short_queries_and_other_backends_keep_the_scan() {
        let mut s = x_post::Entity::find();
        assert!(!narrow_by_index(
            &mut s,
            DatabaseBackend::Sqlite,
            "小红",
            None
        ));
        assert!(!narrow_by_index(
            &mut s,
            DatabaseBackend::Postgres,
            "小红书",
            None
        ));
        assert!(narrow_by_index(
            &mut s,
            DatabaseBackend::Sqlite,
            "小红书",
            None
        ));
    }
}
