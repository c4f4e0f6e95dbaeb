//! A note's QR sheet: one card per live link (revoked and expired ones left
//! out), oldest first, named by the link's account (or its label).
use super::manage::{status_of, view, with_variant_labels};
use crate::notes::posts;
use crate::print::{render, Card, Sheet, SheetQuery};
use crate::{AppResult, Services};
use chrono::Utc;
use std::collections::HashMap;
use xhs_domain::LinkStatus;
use xhs_persistence::{accounts, groups, links as store};

/// The PDF of a note's links. 404 for no such note, 422 for a bad query or
/// when nothing matches, 503 `font_not_configured`.
pub async fn qr_sheet(s: &Services, post_id: i64, q: &SheetQuery) -> AppResult<Sheet> {
    let post = posts::get(s, post_id).await?;
    let req = q.check(s).await?;
    let now = Utc::now();
    let mut rows: Vec<_> = store::list_for_post(&s.db, post.id)
        .await?
        .into_iter()
        .filter(|l| status_of(l, false, now) == LinkStatus::Active && req.wants(l.id))
        .collect();
    rows.reverse();
    let mut account_ids: Vec<i64> = rows.iter().filter_map(|l| l.account_id).collect();
    account_ids.sort_unstable();
    account_ids.dedup();
    let group_of = groups::of_accounts(&s.db, &account_ids).await?;
    if let Some(g) = req.group_id {
        rows.retain(|l| {
            l.account_id
                .and_then(|a| group_of.get(&a))
                .is_some_and(|gs| gs.iter().any(|r| r.id == g))
        });
    }
    if rows.is_empty() {
        return Err(req.nothing_left("link"));
    }
    let names: HashMap<i64, String> = accounts::find_any(&s.db, &account_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let mut links: Vec<_> = rows
        .into_iter()
        .map(|l| {
            let name = l.account_id.and_then(|a| names.get(&a).cloned());
            view(s, l, name, false)
        })
        .collect();
    with_variant_labels(s, post.id, &mut links).await?;
    let cards = links
        .into_iter()
        .map(|l| Card {
            name: l
                .account_name
                .or_else(|| l.stored.label.clone())
                .unwrap_or_else(|| format!("#{}", l.stored.id)),
            group: l
                .stored
                .account_id
                .and_then(|a| group_of.get(&a))
                .map(|gs| {
                    gs.iter()
                        .map(|g| g.name.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                })
                .unwrap_or_default(),
            title: match &l.variant_label {
                Some(v) => format!("{} · {v}", post.title),
                None => post.title.clone(),
            },
            url: l.url,
        })
        .collect();
    let title = format!("{} · 二维码", post.title);
    let filename = format!("post-{post_id}-qr.pdf");
    render(s, cards, req.per_page, title, filename).await
}
