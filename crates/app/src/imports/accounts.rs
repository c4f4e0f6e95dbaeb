//! Imports a roster of accounts (issue 20 item 2), e.g. a class list. An
//! account the server knows (same 小红书号, or same name within one of its
//! groups) is matched, not created again, so importing a roster twice
//! changes nothing; groups are created as needed; a row repeating an earlier
//! one is reported. Known accounts keep their kind and note.
use super::columns::{split_list, Columns, Known};
use super::report::{ImportMode, ImportOptions, ImportReport, Problem, RowReport};
use super::sheet::{self, SheetRow};
use crate::accounts::{parse, AccountInput};
use crate::{Actor, AppResult, Change, Services};
use std::collections::HashMap;
use xhs_domain::{bounded_text, parse_xhs_id, AuditAction, AuditTarget, FieldError, Rule};
use xhs_persistence::accounts::{self as store, AccountFields};
use xhs_persistence::groups::{self as groups_store, name_key};
use xhs_persistence::roster;

/// The columns of a roster, as the template writes them first.
pub const COLUMNS: &[Known] = &[
    Known {
        key: "name",
        names: &["名称", "姓名", "name"],
    },
    Known {
        key: "kind",
        names: &["类型", "kind"],
    },
    Known {
        key: "groups",
        names: &["分组", "班级", "groups", "group"],
    },
    Known {
        key: "xhs_id",
        names: &["小红书号", "xhs_id"],
    },
    Known {
        key: "note",
        names: &["备注", "note", "notes"],
    },
];

/// One roster row, read and matched.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub name: String,
    /// The kind's value (`student`, ...), as the enum writes it.
    pub kind: String,
    pub groups: Vec<String>,
    pub xhs_id: Option<String>,
    pub note: Option<String>,
    /// The known account this row is.
    pub matched_id: Option<i64>,
    /// Its groups the server does not have yet (created by a commit).
    pub new_groups: Vec<String>,
    fields: Option<AccountFields>,
}

fn kind(cell: &str) -> String {
    match cell {
        "品牌" => "brand",
        "合作" => "partner",
        "测试" => "test",
        "学生" | "" => "student",
        "本人" => "owner",
        "机器人" => "robot",
        other => return other.to_lowercase(),
    }
    .to_owned()
}

fn read_row(cols: &Columns, row: &SheetRow, problems: &mut Vec<Problem>) -> AccountRow {
    let opt = |k: &str| Some(cols.get(row, k).to_owned()).filter(|s| !s.is_empty());
    let mut item = AccountRow {
        name: cols.get(row, "name").to_owned(),
        kind: kind(cols.get(row, "kind")),
        groups: split_list(cols.get(row, "groups")),
        xhs_id: opt("xhs_id"),
        note: opt("note"),
        matched_id: None,
        new_groups: Vec::new(),
        fields: None,
    };
    let input = AccountInput {
        name: item.name.clone(),
        nickname: None,
        kind: item.kind.clone(),
        notes: item.note.clone(),
        // Written apart (`roster::set_xhs_id`): a known account keeps its fields.
        xhs_id: None,
    };
    let column = |field: &str| match field {
        "notes" => cols.header("note"),
        f => cols.header(f),
    };
    match parse(&input) {
        Ok(f) => item.fields = Some(f),
        Err(errs) => problems.extend(
            errs.0
                .into_iter()
                .map(|e| Problem::from_field(column(&e.field), e)),
        ),
    }
    for g in &item.groups {
        if let Err(e) = bounded_text("groups", g, 50, true) {
            problems.push(Problem::from_field(cols.header("groups"), e));
        }
    }
    if let Some(x) = &item.xhs_id {
        match parse_xhs_id("xhs_id", x) {
            Ok(x) => item.xhs_id = x,
            Err(e) => problems.push(Problem::from_field(cols.header("xhs_id"), e)),
        }
    }
    item
}

/// What identifies a row within the file.
fn file_key(item: &AccountRow) -> String {
    match &item.xhs_id {
        Some(x) => format!("xhs:{x}"),
        None => {
            let mut gs: Vec<String> = item.groups.iter().map(|g| name_key(g)).collect();
            gs.sort();
            format!("name:{}|{}", item.name, gs.join("、"))
        }
    }
}

/// Reads, checks and matches every row; writes nothing.
pub async fn check(s: &Services, bytes: &[u8]) -> AppResult<Vec<RowReport<AccountRow>>> {
    let rows = sheet::read(bytes).map_err(super::file_error)?;
    let (cols, data) = Columns::find(COLUMNS, &rows, &["name"]).map_err(super::file_error)?;
    super::check_row_count(data.len()).map_err(super::file_error)?;
    let (known, groups) = roster::snapshot(&s.db).await?;
    let group_ids: HashMap<String, i64> =
        groups.iter().map(|g| (name_key(&g.name), g.id)).collect();
    let by_xhs: HashMap<&str, i64> = known
        .iter()
        .filter_map(|k| Some((k.xhs_id.as_deref()?, k.id)))
        .collect();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::with_capacity(data.len());
    for row in data {
        let mut problems = Vec::new();
        let mut item = read_row(&cols, row, &mut problems);
        if let Some(first) = seen.get(&file_key(&item)) {
            problems.push(Problem::from_field(
                cols.header("name"),
                FieldError::new(
                    "name",
                    Rule::Unique,
                    format!("the same account as row {first}: imported once"),
                ),
            ));
        } else {
            seen.insert(file_key(&item), row.number);
        }
        let ids: Vec<i64> = item
            .groups
            .iter()
            .filter_map(|g| group_ids.get(&name_key(g)).copied())
            .collect();
        item.new_groups = item
            .groups
            .iter()
            .filter(|g| !group_ids.contains_key(&name_key(g)))
            .cloned()
            .collect();
        item.matched_id = item
            .xhs_id
            .as_deref()
            .and_then(|x| by_xhs.get(x).copied())
            .or_else(|| {
                known
                    .iter()
                    .find(|k| {
                        k.name == item.name
                            && if item.groups.is_empty() {
                                k.group_ids.is_empty()
                            } else {
                                ids.iter().any(|g| k.group_ids.contains(g))
                            }
                    })
                    .map(|k| k.id)
            });
        let mut report = RowReport::new(row.number, item);
        if let Some(id) = report.item.matched_id {
            let k = known.iter().find(|k| k.id == id);
            let has_groups = k.is_some_and(|k| ids.iter().all(|g| k.group_ids.contains(g)));
            let has_xhs = report.item.xhs_id.is_none() || k.is_some_and(|k| k.xhs_id.is_some());
            report.unchanged = has_groups && has_xhs && report.item.new_groups.is_empty();
        }
        report.problems = problems;
        out.push(report);
    }
    Ok(out)
}

/// Checks the roster and, unless it is a dry run, writes it.
pub async fn import(
    s: &Services,
    actor: &Actor,
    bytes: &[u8],
    opts: ImportOptions,
) -> AppResult<ImportReport<AccountRow>> {
    let mut rows = check(s, bytes).await?;
    let any_problem = rows.iter().any(|r| !r.ok());
    let mut report = ImportReport {
        dry_run: opts.dry_run,
        mode: opts.mode,
        committed: false,
        rows: Vec::new(),
        warnings: Vec::new(),
    };
    let nothing_to_do = rows.iter().all(|r| !r.ok() || r.unchanged);
    if opts.dry_run || nothing_to_do || (any_problem && opts.mode == ImportMode::AllOrNothing) {
        report.rows = rows;
        return Ok(report);
    }
    let w = s.write(actor).await?;
    let mut group_ids: HashMap<String, i64> = groups_store::list(&*w)
        .await?
        .into_iter()
        .map(|g| (name_key(&g.name), g.id))
        .collect();
    let (mut accounts, mut made_groups) = (0usize, 0usize);
    for r in rows.iter_mut().filter(|r| r.ok() && !r.unchanged) {
        let mut ids = Vec::new();
        for g in &r.item.groups {
            let id = match group_ids.get(&name_key(g)) {
                Some(id) => *id,
                None => {
                    let made = groups_store::create(&*w, g).await?;
                    made_groups += 1;
                    group_ids.insert(name_key(g), made.id);
                    made.id
                }
            };
            ids.push(id);
        }
        let id = match (r.item.matched_id, &r.item.fields) {
            (Some(id), _) => id,
            (None, Some(f)) => {
                let a = store::create(&*w, f).await?;
                accounts += 1;
                r.created_id = Some(a.id);
                a.id
            }
            (None, None) => continue,
        };
        if let Some(x) = &r.item.xhs_id {
            roster::set_xhs_id(&*w, id, x).await?;
        }
        for g in ids {
            groups_store::add_members(&*w, g, &[id]).await?;
        }
    }
    let change = Change::of_all(AuditAction::Create, Some(AuditTarget::Account));
    w.commit(change.detail(format!(
        "imported a roster: {accounts} accounts, {made_groups} groups created"
    )))
    .await?;
    report.committed = true;
    report.rows = rows;
    Ok(report)
}
