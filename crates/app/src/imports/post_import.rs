//! Writes a checked notes file: each note and its 变体 rows' variants in
//! one transaction with one audit entry (`all_or_nothing`: nothing when any
//! row has a problem; `valid_rows`: the rows without one). Each note's
//! first version is recorded once its variants are in, so the version
//! keeps them as the editor's saves do.
use super::columns::Columns;
use super::fetch_rows;
use super::post_rows::{check, Checked, PostRow, Rows};
use super::report::{FileWarning, ImportMode, ImportOptions, ImportReport, Problem, WarningKind};
use crate::notes::variants::{self, VariantFields};
use crate::notes::{hosted, posts as notes};
use crate::{Actor, AppError, AppResult, Change, Services};
use std::collections::HashMap;
use xhs_domain::{AuditAction, AuditTarget, FieldError, PostDraft, Rule};
use xhs_persistence::posts::PostFields;
use xhs_persistence::{versions, Post};

/// The 分组 column is read (and echoed) but not stored: a note is sent to
/// groups by a campaign (note × groups), and a "target group" kept on the
/// note would be a second answer to that question that campaigns ignore.
fn warnings(cols: &Columns) -> Vec<FileWarning> {
    if !cols.has("group") {
        return Vec::new();
    }
    vec![FileWarning {
        kind: WarningKind::IgnoredColumn,
        column: cols.header("group"),
        message: "the group column is not stored with the notes: choose the groups when you make a campaign for them".into(),
    }]
}

/// A row ready to write: its fields in their stored form.
enum Ready {
    Note(PostFields),
    Variant(VariantFields),
}

/// The stored forms of the rows without problems (this server's media
/// URLs become paths), before the transaction begins.
async fn prepare(s: &Services, rows: &Rows) -> AppResult<Vec<Option<Ready>>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if !r.ok() {
            out.push(None);
            continue;
        }
        let draft = PostDraft::parse(&r.item.raw)?;
        let ready = match &r.item.variant_fields {
            Some(v) => Ready::Variant(variants::to_stored(s, draft.post_type, v.clone()).await?),
            None => Ready::Note(hosted::to_stored(s, notes::fields(&draft)).await?),
        };
        out.push(Some(ready));
    }
    Ok(out)
}

/// A variant the database refused (its label taken) is the row's problem.
fn refused(r: &mut super::RowReport<PostRow>, column: &str, e: AppError) -> AppResult<()> {
    match e {
        AppError::Validation(errs) => {
            r.problems.extend(
                errs.0
                    .into_iter()
                    .map(|e| Problem::from_field(column.to_owned(), e)),
            );
            Ok(())
        }
        other => Err(other),
    }
}

/// Checks the file and, unless it is a dry run, writes its notes.
pub async fn import(
    s: &Services,
    actor: &Actor,
    bytes: &[u8],
    opts: ImportOptions,
) -> AppResult<ImportReport<PostRow>> {
    let Checked { mut rows, cols } = check(bytes).map_err(super::file_error)?;
    let fetched = match opts.fetch_media {
        true => Some(fetch_rows::fetch(s, &mut rows, &cols).await),
        false => None,
    };
    let any_problem = rows.iter().any(|r| !r.ok());
    let mut report = ImportReport {
        dry_run: opts.dry_run,
        mode: opts.mode,
        committed: false,
        rows: Vec::new(),
        warnings: warnings(&cols),
    };
    if opts.dry_run || (any_problem && opts.mode == ImportMode::AllOrNothing) {
        // The downloads (temp files) go with `fetched`.
        report.rows = rows;
        return Ok(report);
    }
    if let Some(f) = fetched {
        fetch_rows::store(s, actor, &mut rows, f).await?;
    }
    let ready = prepare(s, &rows).await?;
    let w = s.write(actor).await?;
    // Each note written, by its row, in the file's order.
    let mut notes: Vec<(u32, Post)> = Vec::new();
    let mut by_row: HashMap<u32, i64> = HashMap::new();
    let variant_col = cols.header("variant");
    let mut refuse_all = false;
    for (r, ready) in rows.iter_mut().zip(ready) {
        match ready {
            None => {}
            Some(Ready::Note(fields)) => {
                let post = xhs_persistence::posts::create(&*w, &fields).await?;
                by_row.insert(r.row, post.id);
                r.created_id = Some(post.id);
                notes.push((r.row, post));
            }
            Some(Ready::Variant(f)) => match r.item.variant_of.and_then(|b| by_row.get(&b)) {
                Some(&post_id) => match variants::add_in(&w, post_id, &f).await {
                    Ok(v) => {
                        r.created_id = Some(post_id);
                        r.item.variant_id = Some(v.id);
                    }
                    Err(e) => refused(r, &variant_col, e)?,
                },
                None => r.problems.push(Problem::from_field(
                    variant_col.clone(),
                    FieldError::new("variant", Rule::Exists, "its note was not imported"),
                )),
            },
        }
        if opts.mode == ImportMode::AllOrNothing && !r.ok() {
            refuse_all = true;
            break;
        }
    }
    if refuse_all {
        // Dropping the write rolls every row back.
        return Err(super::rows_error(&rows));
    }
    for (_, post) in &notes {
        versions::record(&*w, post, &actor.name, None).await?;
    }
    report.rows = rows;
    let (n, v) = (notes.len(), report.created() - notes.len());
    if report.created() > 0 {
        let change = Change::of_all(AuditAction::Create, Some(AuditTarget::Post));
        let detail = match v {
            0 => format!("imported {n} notes from a spreadsheet"),
            v => format!("imported {n} notes with {v} variants from a spreadsheet"),
        };
        w.commit(change.detail(detail)).await?;
        report.committed = true;
    }
    Ok(report)
}
