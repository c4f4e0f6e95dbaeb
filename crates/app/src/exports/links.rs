//! A note's links with their totals: label, account, variant, status, the
//! URL, when made and until when, and what happened on each.
use super::table::{col, Cell, Column};
use super::{labels, Export, Source, PAGE_ROWS};
use crate::links::manage::{view, with_variant_labels};
use crate::stats::{totals_by, Totals};
use crate::{AppResult, Services};
use xhs_persistence::events::GroupBy;
use xhs_persistence::{accounts, links as store};

const COLUMNS: &[Column] = &[
    col("编号", 8.0),
    col("标签", 16.0),
    col("账号", 16.0),
    col("变体", 12.0),
    col("状态", 10.0),
    col("分享链接", 48.0),
    col("创建时间", 20.0),
    col("过期时间", 20.0),
    col("打开", 8.0),
    col("点击发布", 10.0),
    col("SDK 加载", 10.0),
    col("打开 App", 10.0),
    col("SDK 失败", 10.0),
    col("改用备用方式", 12.0),
    col("确认发布", 10.0),
];

/// The export of the links of live note `id`: 404 for no such note, 422
/// for a bad format.
pub async fn post_links(s: &Services, id: i64, format: Option<&str>) -> AppResult<Export> {
    let post = crate::lookup::live_post(s, id).await?;
    let format = super::parse_format(format)?;
    let source = Source::Links(Pages {
        post_id: id,
        after: None,
        done: false,
    });
    let stem = super::dated(s, &format!("{}-链接", post.title));
    Ok(Export::new(&stem, format, "链接", COLUMNS, source))
}

/// A note's links by ascending id, a page at a time, with their totals.
pub(crate) struct Pages {
    post_id: i64,
    after: Option<i64>,
    done: bool,
}

impl Pages {
    pub(crate) async fn next(&mut self, s: &Services) -> AppResult<Option<Vec<Vec<Cell>>>> {
        if self.done {
            return Ok(None);
        }
        let rows = store::page_for_post(&s.db, self.post_id, self.after, PAGE_ROWS).await?;
        self.done = (rows.len() as u64) < PAGE_ROWS;
        let Some(last) = rows.last() else {
            return Ok(None);
        };
        self.after = Some(last.id);
        let mut account_ids: Vec<i64> = rows.iter().filter_map(|l| l.account_id).collect();
        account_ids.sort_unstable();
        account_ids.dedup();
        let names: std::collections::HashMap<i64, String> = accounts::find_any(&s.db, &account_ids)
            .await?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        let link_ids: Vec<i64> = rows.iter().map(|l| l.id).collect();
        let mut totals = totals_by(s, GroupBy::Link, &link_ids).await?;
        let mut links: Vec<_> = rows
            .into_iter()
            .map(|l| {
                let name = l.account_id.and_then(|a| names.get(&a).cloned());
                view(s, l, name, false)
            })
            .collect();
        with_variant_labels(s, self.post_id, &mut links).await?;
        Ok(Some(
            links
                .into_iter()
                .map(|l| {
                    let t = totals.remove(&l.stored.id).unwrap_or_default();
                    let stored = l.stored;
                    let mut cells = vec![
                        Cell::Int(stored.id),
                        Cell::opt(stored.label.as_deref()),
                        Cell::opt(l.account_name.as_deref()),
                        Cell::opt(l.variant_label.as_deref()),
                        Cell::Text(labels::link(l.status).to_owned()),
                        Cell::Link(Some(l.url)),
                        Cell::Time(Some(stored.created_at)),
                        Cell::Time(stored.expires_at),
                    ];
                    cells.extend(counts(&t));
                    cells
                })
                .collect(),
        ))
    }
}

/// The seven counts, in the columns' order (the statistics' too).
pub(crate) fn counts(t: &Totals) -> [Cell; 7] {
    [
        Cell::Int(t.opens),
        Cell::Int(t.taps),
        Cell::Int(t.sdk_loads),
        Cell::Int(t.app_opens),
        Cell::Int(t.failures),
        Cell::Int(t.fallbacks),
        Cell::Int(t.confirmed),
    ]
}
