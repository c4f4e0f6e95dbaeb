//! A campaign's QR sheet: one card per person's link (a launched campaign's
//! link assignments, cancelled ones left out), in assignment order, so a
//! class prints in roster order.
use super::assignments::enrich;
use super::{find, state_error};
use crate::print::{render, Card, Sheet, SheetQuery};
use crate::{AppResult, Services};
use chrono::Utc;
use xhs_domain::campaign::{AssignmentStatus, CampaignStatus, Channel};
use xhs_persistence::campaign_assignments::{self as store, AssignmentFilter};

/// Rows read per query while collecting the cards.
const BATCH: u64 = 500;

/// The PDF of a campaign's cards. 404 for no such campaign, 409
/// `campaign_state` before its launch (no links yet) or once cancelled, 422
/// for a bad query or when nothing matches, 503 `font_not_configured`.
pub async fn qr_sheet(s: &Services, campaign_id: i64, q: &SheetQuery) -> AppResult<Sheet> {
    let c = find(&s.db, campaign_id).await?;
    let req = q.check(s).await?;
    if !matches!(c.status, CampaignStatus::Running | CampaignStatus::Finished) {
        return Err(state_error(&c));
    }
    let mut rows = Vec::new();
    let mut after = None;
    loop {
        let f = AssignmentFilter {
            group_id: req.group_id,
            after_id: after,
            limit: BATCH,
            ..AssignmentFilter::default()
        };
        let page = store::page(&s.db, campaign_id, &f, Utc::now()).await?;
        let full = page.len() as u64 == BATCH;
        after = page.last().map(|r| r.id);
        rows.extend(page.into_iter().filter(|r| {
            r.channel == Channel::Link
                && r.link_token.is_some()
                && r.status != AssignmentStatus::Cancelled
                && req.wants(r.id)
        }));
        if !full {
            break;
        }
    }
    if rows.is_empty() {
        return Err(req.nothing_left("assignment"));
    }
    let cards = enrich(s, campaign_id, rows)
        .await?
        .into_iter()
        .map(|a| Card {
            name: a.account_name,
            group: a
                .groups
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            title: match &a.row.variant_label {
                Some(v) => format!("{} · {v}", a.post_title),
                None => a.post_title,
            },
            url: a.link_url.unwrap_or_default(),
        })
        .collect();
    let title = format!("{} · 二维码", c.fields.name);
    let filename = format!("campaign-{campaign_id}-qr.pdf");
    render(s, cards, req.per_page, title, filename).await
}
