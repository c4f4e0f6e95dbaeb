//! `fetch_media=true` over a whole notes file: every distinct media URL is
//! downloaded once (a few at a time), a failure becomes a problem on each
//! row and column that names the URL, and, when the import is committed,
//! the downloads become media items whose URLs replace the given ones.
use super::columns::Columns;
use super::post_rows::{PostRow, Rows};
use super::report::Problem;
use super::RowReport;
use crate::notes::media;
use crate::{Actor, AppResult, Services};
use futures_util::{stream, StreamExt};
use std::collections::HashMap;
use xhs_domain::{FieldError, Rule};
use xhs_media::Spooled;

/// Downloads at once: enough to hide latency, few enough for a small server.
const AT_ONCE: usize = 4;

/// The downloads that worked, by the URL as written; kept as temp files
/// until [`store`] makes them media items (or dropped: a dry run).
pub(super) struct Fetched(HashMap<String, Spooled>);

/// The media URLs a row gives itself (a variant row: its overrides only),
/// with the column and field each sits in.
fn own_urls(item: &PostRow) -> Vec<(&'static str, String, &str)> {
    let (images, cover, video) = match &item.variant_fields {
        Some(v) => (
            v.image_urls.as_deref().unwrap_or_default(),
            v.cover_url.as_deref(),
            None,
        ),
        None => (
            item.raw.image_urls.as_slice(),
            item.raw.cover_url.as_deref(),
            item.raw.video_url.as_deref(),
        ),
    };
    let mut out: Vec<(&'static str, String, &str)> = images
        .iter()
        .enumerate()
        .map(|(i, u)| ("images", format!("image_urls[{i}]"), u.as_str()))
        .collect();
    out.extend(cover.map(|u| ("cover", "cover_url".to_owned(), u)));
    out.extend(video.map(|u| ("video", "video_url".to_owned(), u)));
    out
}

/// Downloads every row's media; failures become problems of their rows.
/// Rows that already have problems are not fetched (their file is refused
/// or they are left out anyway).
pub(super) async fn fetch(s: &Services, rows: &mut Rows, cols: &Columns) -> Fetched {
    let mut wanted: Vec<String> = Vec::new();
    for r in rows.iter().filter(|r| r.ok()) {
        for (_, _, url) in own_urls(&r.item) {
            if !wanted.iter().any(|w| w == url) {
                wanted.push(url.to_owned());
            }
        }
    }
    let results: Vec<(String, Result<Spooled, String>)> = stream::iter(wanted)
        .map(|url| async move {
            let r = super::fetch::fetch(s, &url).await;
            (url, r)
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    let mut ok = HashMap::new();
    let mut failed = HashMap::new();
    for (url, r) in results {
        match r {
            Ok(sp) => {
                ok.insert(url, sp);
            }
            Err(why) => {
                failed.insert(url, why);
            }
        }
    }
    for r in rows.iter_mut().filter(|r| r.ok()) {
        let problems: Vec<Problem> = own_urls(&r.item)
            .into_iter()
            .filter_map(|(col, field, url)| {
                let why = failed.get(url)?;
                let e = FieldError::new(
                    field,
                    Rule::Fetchable,
                    format!("{url} could not be fetched: {why}"),
                );
                Some(Problem::from_field(cols.header(col), e))
            })
            .collect();
        r.problems.extend(problems);
    }
    super::post_rows::orphan_variants(rows, &cols.header("variant"));
    Fetched(ok)
}

/// Makes the downloads media items (as uploads, deduplicated by content)
/// and points every row at this server's copies.
pub(super) async fn store(
    s: &Services,
    actor: &Actor,
    rows: &mut [RowReport<PostRow>],
    fetched: Fetched,
) -> AppResult<()> {
    let mut ours: HashMap<String, String> = HashMap::new();
    for (url, spooled) in fetched.0 {
        let name = url::Url::parse(&url).ok().and_then(|u| {
            u.path_segments()?
                .next_back()
                .and_then(media::sanitize_name)
        });
        let (item, _) = media::save(s, actor, spooled, name).await?;
        ours.insert(url, media::url_of(s, &item.storage_key));
    }
    let swap = |u: &mut String| {
        if let Some(n) = ours.get(u.as_str()) {
            n.clone_into(u);
        }
    };
    for r in rows.iter_mut() {
        let raw = &mut r.item.raw;
        raw.image_urls.iter_mut().for_each(swap);
        raw.cover_url.iter_mut().for_each(swap);
        raw.video_url.iter_mut().for_each(swap);
        if let Some(v) = r.item.variant_fields.as_mut() {
            v.image_urls.iter_mut().flatten().for_each(swap);
            v.cover_url.iter_mut().for_each(swap);
        }
    }
    Ok(())
}
