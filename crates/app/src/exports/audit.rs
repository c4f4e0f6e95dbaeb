//! The audit log with the list's filters, newest first: who did what, when,
//! from where, to what.
use super::table::{col, Cell, Column};
use super::{Export, Source, PAGE_ROWS};
use crate::team::audit::{check_filter, AuditQuery};
use crate::{AppResult, Services};
use xhs_domain::ValidationErrors;
use xhs_persistence::audit::{self as store, AuditEntry, AuditFilter};

const COLUMNS: &[Column] = &[
    col("编号", 8.0),
    col("时间", 20.0),
    col("操作者", 16.0),
    col("操作者类型", 10.0),
    col("动作", 14.0),
    col("对象类型", 12.0),
    col("对象编号", 10.0),
    col("客户端地址", 16.0),
    col("详情", 60.0),
];

/// The export of the audit entries the list's filters select (`cursor`
/// and `limit` are ignored): 422 naming a bad filter or format.
pub fn audit(s: &Services, format: Option<&str>, q: &AuditQuery) -> AppResult<Export> {
    let mut errs = ValidationErrors::default();
    let format = errs.take(super::parse_format(format));
    let filter = check_filter(q, &mut errs);
    let Some(format) = format.filter(|_| errs.is_empty()) else {
        return Err(errs.into());
    };
    let source = Source::Audit(Pages {
        filter,
        done: false,
    });
    let stem = super::dated(s, "审计日志");
    Ok(Export::new(&stem, format, "审计日志", COLUMNS, source))
}

/// Entries by descending id, a page at a time.
pub(crate) struct Pages {
    filter: AuditFilter,
    done: bool,
}

impl Pages {
    pub(crate) async fn next(&mut self, s: &Services) -> AppResult<Option<Vec<Vec<Cell>>>> {
        if self.done {
            return Ok(None);
        }
        self.filter.limit = PAGE_ROWS;
        let rows = store::list(&s.db, &self.filter).await?;
        self.done = (rows.len() as u64) < PAGE_ROWS;
        let Some(last) = rows.last() else {
            return Ok(None);
        };
        self.filter.before_id = Some(last.id);
        Ok(Some(rows.into_iter().map(row).collect()))
    }
}

fn row(e: AuditEntry) -> Vec<Cell> {
    vec![
        Cell::Int(e.id),
        Cell::Time(Some(e.at)),
        Cell::Text(e.actor),
        Cell::Text(e.actor_kind.as_str().to_owned()),
        Cell::Text(e.action.as_str().to_owned()),
        Cell::opt(e.target_type.map(|t| t.as_str())),
        e.target_id.map_or(Cell::Text(String::new()), Cell::Int),
        Cell::opt(e.client_ip.as_deref()),
        Cell::opt(e.detail.as_deref()),
    ]
}
