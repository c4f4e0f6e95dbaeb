//! A campaign's assignments: who, which note and variant, when, where each
//! stands, when its link was opened and tapped, when it was published, the
//! share link and the note's link.
use super::table::{col, Cell, Column};
use super::{labels, Export, Source, PAGE_ROWS};
use crate::campaigns::assignments::{check_filter, enrich, AssignmentView};
use crate::campaigns::AssignmentQuery;
use crate::{AppResult, Services};
use chrono::Utc;
use xhs_domain::ValidationErrors;
use xhs_persistence::campaign_assignments as store;
use xhs_persistence::campaign_assignments::AssignmentFilter;

const COLUMNS: &[Column] = &[
    col("编号", 8.0),
    col("账号", 16.0),
    col("分组", 18.0),
    col("笔记标题", 24.0),
    col("变体", 12.0),
    col("渠道", 10.0),
    col("计划时间", 20.0),
    col("状态", 10.0),
    col("打开时间", 20.0),
    col("点击发布时间", 20.0),
    col("发布时间", 20.0),
    col("分享链接", 48.0),
    col("笔记链接", 48.0),
    col("原因", 24.0),
];

/// The export of campaign `id`'s assignments, with the list's filters
/// (`limit` and `cursor` are ignored): 404 for no such campaign, 422 naming
/// a bad filter or format.
pub async fn campaign(
    s: &Services,
    id: i64,
    format: Option<&str>,
    q: &AssignmentQuery,
) -> AppResult<Export> {
    let c = crate::campaigns::find(&s.db, id).await?;
    let mut errs = ValidationErrors::default();
    let format = errs.take(super::parse_format(format));
    let filter = check_filter(s, q, &mut errs).await?;
    let Some(format) = format.filter(|_| errs.is_empty()) else {
        return Err(errs.into());
    };
    let source = Source::Assignments(Pages {
        campaign_id: id,
        filter,
        done: false,
    });
    let stem = super::dated(s, &format!("{}-分配", c.fields.name));
    Ok(Export::new(&stem, format, "分配", COLUMNS, source))
}

/// Assignments by ascending id, a page at a time.
pub(crate) struct Pages {
    campaign_id: i64,
    filter: AssignmentFilter,
    done: bool,
}

impl Pages {
    pub(crate) async fn next(&mut self, s: &Services) -> AppResult<Option<Vec<Vec<Cell>>>> {
        if self.done {
            return Ok(None);
        }
        self.filter.limit = PAGE_ROWS;
        let rows = store::page(&s.db, self.campaign_id, &self.filter, Utc::now()).await?;
        self.done = (rows.len() as u64) < PAGE_ROWS;
        let Some(last) = rows.last() else {
            return Ok(None);
        };
        self.filter.after_id = Some(last.id);
        let views = enrich(s, self.campaign_id, rows).await?;
        Ok(Some(views.into_iter().map(row).collect()))
    }
}

fn row(v: AssignmentView) -> Vec<Cell> {
    let groups: Vec<&str> = v.groups.iter().map(|g| g.name.as_str()).collect();
    vec![
        Cell::Int(v.row.id),
        Cell::Text(v.account_name),
        Cell::Text(groups.join("、")),
        Cell::Text(v.post_title),
        Cell::opt(v.row.variant_label.as_deref()),
        Cell::Text(labels::channel(v.row.channel).to_owned()),
        Cell::Time(Some(v.row.scheduled_at)),
        Cell::Text(labels::assignment(v.row.status).to_owned()),
        Cell::Time(v.opened_at),
        Cell::Time(v.tapped_at),
        Cell::Time(v.row.published_at),
        Cell::Link(v.link_url),
        Cell::Link(v.row.note_url),
        Cell::opt(v.row.reason.as_deref()),
    ]
}
