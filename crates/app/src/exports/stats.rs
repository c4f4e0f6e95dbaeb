//! Statistics per day for a date range: one row per day (zeros included)
//! with each kind of event counted, from the daily rollups the statistics
//! pages read. Days are the statistics' time zone's (`XHSPUB__STATS__TIMEZONE`).
use super::links::counts;
use super::range::DayRange;
use super::table::{col, Cell, Column};
use super::{Export, Source};
use crate::stats::{Scope, Totals};
use crate::{AppResult, Services};
use std::collections::BTreeMap;
use xhs_domain::ValidationErrors;
use xhs_persistence::events;

const COLUMNS: &[Column] = &[
    col("日期", 12.0),
    col("打开", 8.0),
    col("点击发布", 10.0),
    col("SDK 加载", 10.0),
    col("打开 App", 10.0),
    col("SDK 失败", 10.0),
    col("改用备用方式", 12.0),
    col("确认发布", 10.0),
];

/// What the query asks for, before validation.
#[derive(Debug, Clone, Default)]
pub struct StatsExportQuery {
    pub format: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

fn checked(q: &StatsExportQuery) -> AppResult<(xhs_domain::ExportFormat, DayRange)> {
    let mut errs = ValidationErrors::default();
    let format = errs.take(super::parse_format(q.format.as_deref()));
    let range = DayRange::parse(q.from.as_deref(), q.to.as_deref(), &mut errs);
    match (format, range) {
        (Some(f), Some(r)) if errs.is_empty() => Ok((f, r)),
        _ => Err(errs.into()),
    }
}

fn export(scope: Scope, name: &str, q: &StatsExportQuery) -> AppResult<Export> {
    let (format, range) = checked(q)?;
    let stem = format!("{name}-统计-{}至{}", range.from, range.to);
    let source = Source::Days(Days {
        scope,
        range,
        done: false,
    });
    Ok(Export::new(&stem, format, "统计", COLUMNS, source))
}

/// A live note's statistics per day (404 for no such note).
pub async fn post_stats(s: &Services, id: i64, q: &StatsExportQuery) -> AppResult<Export> {
    let post = crate::lookup::live_post(s, id).await?;
    export(Scope::Post(id), &post.title, q)
}

/// A link's statistics per day (revoked and expired ones included).
pub async fn link_stats(s: &Services, id: i64, q: &StatsExportQuery) -> AppResult<Export> {
    let link = crate::lookup::link(s, id).await?;
    let name = link.label.unwrap_or_else(|| format!("链接{id}"));
    export(Scope::Link(id), &name, q)
}

/// An account's statistics per day (deleted ones included).
pub async fn account_stats(s: &Services, id: i64, q: &StatsExportQuery) -> AppResult<Export> {
    let account = crate::lookup::account(s, id).await?;
    export(Scope::Account(id), &account.name, q)
}

/// A campaign's statistics per day: the events on the links its launch made.
pub async fn campaign_stats(s: &Services, id: i64, q: &StatsExportQuery) -> AppResult<Export> {
    let c = crate::campaigns::find(&s.db, id).await?;
    export(Scope::Campaign(id), &c.fields.name, q)
}

/// The days of a range: at most 366 rows, read in one query of the rollups.
pub(crate) struct Days {
    scope: Scope,
    range: DayRange,
    done: bool,
}

impl Days {
    pub(crate) async fn next(&mut self, s: &Services) -> AppResult<Option<Vec<Vec<Cell>>>> {
        if self.done {
            return Ok(None);
        }
        self.done = true;
        let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let rows = events::daily_counts_between(
            &s.db,
            self.scope,
            &fmt(self.range.from),
            &fmt(self.range.to),
        )
        .await?;
        let mut by_day: BTreeMap<String, Totals> = BTreeMap::new();
        for (day, kind, n) in rows {
            by_day.entry(day).or_default().add(kind, n);
        }
        Ok(Some(
            self.range
                .days()
                .map(|d| {
                    let t = by_day.remove(&fmt(d)).unwrap_or_default();
                    let mut cells = vec![Cell::Day(d)];
                    cells.extend(counts(&t));
                    cells
                })
                .collect(),
        ))
    }
}
