//! Imports notes written in Excel (issue 20 item 1): every row goes through
//! the editor's own rules ([`PostDraft::parse`]); a commit writes the notes
//! in one transaction with one audit entry.
use super::columns::{split_list, Columns, Known};
use super::report::{ImportMode, ImportOptions, ImportReport, Problem, RowReport};
use super::sheet::{self, SheetRow};
use crate::notes::{hosted, posts as notes};
use crate::{Actor, AppResult, Change, Services};
use xhs_domain::{AuditAction, AuditTarget, FieldError, PostDraft, RawPost, Rule};
use xhs_persistence::posts::PostFields;
use xhs_persistence::versions;

/// The columns of the notes sheet, as the template writes them first.
pub const COLUMNS: &[Known] = &[
    Known {
        key: "title",
        names: &["标题", "title"],
    },
    Known {
        key: "content",
        names: &["正文", "content", "body"],
    },
    Known {
        key: "type",
        names: &["类型", "type"],
    },
    Known {
        key: "images",
        names: &["图片", "images", "image_urls"],
    },
    Known {
        key: "cover",
        names: &["封面", "cover", "cover_url"],
    },
    Known {
        key: "video",
        names: &["视频", "video", "video_url"],
    },
    Known {
        key: "variant",
        names: &["变体", "variant"],
    },
    Known {
        key: "group",
        names: &["分组", "group"],
    },
];

/// One row read as a note.
#[derive(Debug, Clone, Default)]
pub struct PostRow {
    pub raw: RawPost,
    /// The 分组 cell, as written (reported; a note has no group of its own
    /// until it is assigned in a campaign).
    pub group: Option<String>,
    /// The 变体 label: this row is a variant of the note of `variant_of`.
    pub variant: Option<String>,
    /// The row (as Excel numbers it) of the note this variant belongs to.
    pub variant_of: Option<u32>,
}

/// `图文`/`视频` or the enum's own words; empty: a video note when a video is given.
fn post_type(cell: &str, has_video: bool) -> String {
    match cell {
        "图文" | "图片" | "笔记" => "normal".into(),
        "视频" => "video".into(),
        "" if has_video => "video".into(),
        "" => "normal".into(),
        other => other.to_lowercase(),
    }
}

/// The column a domain field comes from.
fn column_of(field: &str) -> &'static str {
    match field {
        f if f.starts_with("image_urls") => "images",
        "cover_url" => "cover",
        "video_url" => "video",
        "content" => "content",
        "type" => "type",
        _ => "title",
    }
}

fn read_row(cols: &Columns, row: &SheetRow) -> PostRow {
    let opt = |k: &str| Some(cols.get(row, k).to_owned()).filter(|s| !s.is_empty());
    let video = opt("video");
    PostRow {
        raw: RawPost {
            post_type: post_type(cols.get(row, "type"), video.is_some()),
            title: cols.get(row, "title").to_owned(),
            content: cols.get(row, "content").to_owned(),
            image_urls: split_list(cols.get(row, "images")),
            cover_url: opt("cover"),
            video_url: video,
        },
        group: opt("group"),
        variant: opt("variant"),
        variant_of: None,
    }
}

/// A variant row takes its note's cells where its own are empty.
fn inherit(base: &RawPost, own: &mut RawPost) {
    if own.title.is_empty() {
        own.title.clone_from(&base.title);
    }
    if own.content.is_empty() {
        own.content.clone_from(&base.content);
    }
    if own.image_urls.is_empty() {
        own.image_urls.clone_from(&base.image_urls);
    }
    if own.cover_url.is_none() {
        own.cover_url.clone_from(&base.cover_url);
    }
    if own.video_url.is_none() {
        own.video_url.clone_from(&base.video_url);
    }
}

/// Reads and checks every row; writes nothing.
pub fn check(bytes: &[u8]) -> Result<Vec<RowReport<PostRow>>, FieldError> {
    let rows = sheet::read(bytes)?;
    let (cols, data) = Columns::find(COLUMNS, &rows, &["title"])?;
    super::check_row_count(data.len())?;
    let mut out: Vec<RowReport<PostRow>> = Vec::with_capacity(data.len());
    let mut base: Option<usize> = None;
    for row in data {
        let mut item = read_row(&cols, row);
        let mut problems = Vec::new();
        if item.variant.is_some() {
            match base {
                Some(b) => {
                    item.variant_of = Some(out[b].row);
                    inherit(&out[b].item.raw, &mut item.raw);
                    if !out[b].ok() {
                        problems.push(Problem::from_field(
                            cols.header("variant"),
                            FieldError::new(
                                "variant",
                                Rule::Exists,
                                format!("its note (row {}) has problems", out[b].row),
                            ),
                        ));
                    }
                }
                None => problems.push(Problem::from_field(
                    cols.header("variant"),
                    FieldError::new(
                        "variant",
                        Rule::Required,
                        "a variant row follows the row of its note",
                    ),
                )),
            }
        }
        if let Err(errs) = PostDraft::parse(&item.raw) {
            problems.extend(
                errs.0
                    .into_iter()
                    .map(|e| Problem::from_field(cols.header(column_of(&e.field)), e)),
            );
        }
        if item.variant.is_none() {
            base = Some(out.len());
        }
        let mut report = RowReport::new(row.number, item);
        report.problems = problems;
        out.push(report);
    }
    Ok(out)
}

/// Makes a variant of the note `post_id` from a 变体 row. Not wired to the
/// variants feature (`notes::variants`) yet: a variant row is refused with
/// the rule `variants_not_available` (a dry run shows it), and the
/// variant is added in the editor.
pub async fn create_variant(
    _w: &crate::Write<'_>,
    _post_id: i64,
    label: &str,
    _draft: &PostDraft,
) -> Result<i64, FieldError> {
    Err(FieldError::new(
        "variant",
        Rule::VariantsNotAvailable,
        format!("variant '{label}' cannot be imported yet: add it in the editor's variant tabs, or import the row as its own note (empty 变体)"),
    ))
}

/// Checks the file and, unless it is a dry run, writes its notes.
pub async fn import(
    s: &Services,
    actor: &Actor,
    bytes: &[u8],
    opts: ImportOptions,
) -> AppResult<ImportReport<PostRow>> {
    let mut rows = check(bytes).map_err(super::file_error)?;
    let any_problem = rows.iter().any(|r| !r.ok());
    let mut report = ImportReport {
        dry_run: opts.dry_run,
        mode: opts.mode,
        committed: false,
        rows: Vec::new(),
    };
    if opts.dry_run || (any_problem && opts.mode == ImportMode::AllOrNothing) {
        report.rows = rows;
        return Ok(report);
    }
    // Outside the transaction: stored forms of this server's media URLs.
    let mut stored: Vec<Option<(PostDraft, PostFields)>> = Vec::with_capacity(rows.len());
    for r in &rows {
        let ready = match (r.ok(), PostDraft::parse(&r.item.raw)) {
            (true, Ok(d)) => {
                let f = hosted::to_stored(s, notes::fields(&d)).await?;
                Some((d, f))
            }
            _ => None,
        };
        stored.push(ready);
    }
    let w = s.write(actor).await?;
    let mut ids: std::collections::HashMap<u32, i64> = std::collections::HashMap::new();
    let mut refused = false;
    for (r, ready) in rows.iter_mut().zip(stored) {
        let Some((draft, fields)) = ready else {
            continue;
        };
        match (
            &r.item.variant,
            r.item.variant_of.and_then(|b| ids.get(&b).copied()),
        ) {
            (Some(label), Some(post_id)) => {
                match create_variant(&w, post_id, label, &draft).await {
                    Ok(id) => r.created_id = Some(id),
                    Err(e) => r.problems.push(Problem::from_field("变体".into(), e)),
                }
            }
            (Some(_), None) => r.problems.push(Problem::from_field(
                "变体".into(),
                FieldError::new("variant", Rule::Exists, "its note was not imported"),
            )),
            (None, _) => {
                let post = xhs_persistence::posts::create(&*w, &fields).await?;
                versions::record(&*w, &post, &actor.name, None).await?;
                ids.insert(r.row, post.id);
                r.created_id = Some(post.id);
            }
        }
        if opts.mode == ImportMode::AllOrNothing && !r.ok() {
            refused = true;
            break;
        }
    }
    if refused {
        // Dropping the write rolls every row back.
        return Err(super::rows_error(&rows));
    }
    report.rows = rows;
    let n = report.created();
    if n > 0 {
        let change = Change::of_all(AuditAction::Create, Some(AuditTarget::Post));
        w.commit(change.detail(format!("imported {n} notes from a spreadsheet")))
            .await?;
        report.committed = true;
    }
    Ok(report)
}
