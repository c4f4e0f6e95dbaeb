//! Reads notes written in Excel (issue 20 item 1): every row goes through
//! the editor's own rules ([`PostDraft::parse`]), a 变体 row through the
//! variants' (`post_variants.rs`). Writing them is `post_import.rs`; `posts.rs`
//! is the face of both.
use super::columns::{split_list, Columns, Known};
use super::report::{Problem, RowReport};
use super::sheet::{self, SheetRow};
use crate::notes::variants::VariantFields;
use xhs_domain::{FieldError, PostDraft, RawPost, Rule};

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
    /// The note as the row makes it (a variant row: its note as the variant
    /// shows it).
    pub raw: RawPost,
    /// The 分组 cell, as written: echoed, not stored (the answer's warning
    /// says why).
    pub group: Option<String>,
    /// The 变体 label: this row is a variant of the note of `variant_of`.
    pub variant: Option<String>,
    /// The row (as Excel numbers it) of the note this variant belongs to.
    pub variant_of: Option<u32>,
    /// What a variant row overrides (variant rows only).
    pub variant_fields: Option<VariantFields>,
    /// The variant a committed variant row made.
    pub variant_id: Option<i64>,
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
        variant_fields: None,
        variant_id: None,
    }
}

/// The rows of a notes file, as answered.
pub type Rows = Vec<RowReport<PostRow>>;

/// A variant row whose note row has problems (found after the first check:
/// a download failed) cannot be written either: it says so.
pub(super) fn orphan_variants(rows: &mut Rows, column: &str) {
    for i in 0..rows.len() {
        let Some(base) = rows[i].item.variant_of else {
            continue;
        };
        let base_ok = rows.iter().any(|r| r.row == base && r.ok());
        if !base_ok && rows[i].ok() {
            rows[i].problems.push(Problem::from_field(
                column.to_owned(),
                FieldError::new(
                    "variant",
                    Rule::Exists,
                    format!("its note (row {base}) has problems"),
                ),
            ));
        }
    }
}

/// The file's rows, each checked; and its columns (to name them later).
pub struct Checked {
    pub rows: Rows,
    pub(super) cols: Columns,
}

/// Reads and checks every row; writes nothing.
pub fn check(bytes: &[u8]) -> Result<Checked, FieldError> {
    let rows = sheet::read(bytes)?;
    let (cols, data) = Columns::find(COLUMNS, &rows, &["title"])?;
    super::check_row_count(data.len())?;
    let mut out: Vec<RowReport<PostRow>> = Vec::with_capacity(data.len());
    // The note row the next variant rows belong to, and their labels.
    let mut base: Option<usize> = None;
    let mut labels: Vec<String> = Vec::new();
    for row in data {
        let mut item = read_row(&cols, row);
        let mut problems = Vec::new();
        match (&item.variant, base) {
            (Some(label), Some(b)) => {
                let note = &out[b];
                let v = super::post_variants::check(
                    &cols,
                    &note.item.raw,
                    note.ok(),
                    &item.raw,
                    cols.get(row, "type"),
                    label,
                    &mut labels,
                );
                item.variant_of = Some(note.row);
                item.raw = v.merged;
                item.variant_fields = Some(v.fields);
                problems = v.problems;
            }
            (Some(_), None) => problems.push(Problem::from_field(
                cols.header("variant"),
                FieldError::new(
                    "variant",
                    Rule::Required,
                    "a variant row follows the row of its note",
                ),
            )),
            (None, _) => {
                if let Err(errs) = PostDraft::parse(&item.raw) {
                    problems.extend(errs.0.into_iter().map(|e| {
                        Problem::from_field(
                            cols.header(super::post_variants::column_of(&e.field)),
                            e,
                        )
                    }));
                }
                base = Some(out.len());
                labels.clear();
            }
        }
        let mut report = RowReport::new(row.number, item);
        report.problems = problems;
        out.push(report);
    }
    Ok(Checked { rows: out, cols })
}
