//! A campaign as a request writes it, and its checks (issue 19 item 7):
//! every broken rule is a 422 naming its field, all at once; a note awaiting
//! approval while approval is on is a 409 as for links. Nothing is written
//! before every check has passed.
use crate::notes::posts;
use crate::{AppResult, Services};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use xhs_domain::campaign::{Pairing, RawSchedule, Schedule};
use xhs_domain::{bounded_text, FieldError, PostDraft, Rule, ValidationErrors};
use xhs_persistence::campaigns::CampaignFields;
use xhs_persistence::{accounts, groups, Post};

/// The most notes in one campaign.
pub const MAX_POSTS: usize = 50;
/// The most accounts one campaign reaches (directly and through groups).
pub const MAX_ACCOUNTS: usize = 5000;
/// The most groups one campaign names.
pub const MAX_GROUPS: usize = 100;

/// The audience as chosen.
#[derive(Debug, Clone, Default)]
pub struct RawAudience {
    pub account_ids: Option<Vec<i64>>,
    pub group_ids: Option<Vec<i64>>,
}

/// A campaign before its checks.
#[derive(Debug, Clone, Default)]
pub struct RawCampaign {
    pub name: Option<String>,
    pub post_ids: Option<Vec<i64>>,
    pub audience: Option<RawAudience>,
    pub pairing: Option<Pairing>,
    pub platforms: Option<Vec<String>>,
    pub link_expires_at: Option<DateTime<Utc>>,
    pub schedule: Option<RawSchedule>,
}

/// A checked campaign.
pub(crate) struct Checked {
    pub fields: CampaignFields,
}

fn required(field: &str) -> FieldError {
    FieldError::new(field, Rule::Required, format!("{field} is required"))
}

/// Checks every field; errors name `post_ids[i]`, `audience.account_ids[i]`,
/// `schedule.daily_window` and so on.
pub(crate) async fn check(s: &Services, raw: &RawCampaign) -> AppResult<Checked> {
    let mut errs = ValidationErrors::default();
    let name = match raw.name.as_deref() {
        None => errs.take(Err(required("name"))),
        Some(n) => errs.take(bounded_text("name", n, 100, true)),
    };
    let schedule = match &raw.schedule {
        None => errs.take(Err(required("schedule"))),
        Some(r) => match Schedule::parse(r, s.settings.stats_timezone) {
            Ok(sc) => Some(sc),
            Err(es) => {
                es.0.into_iter().for_each(|e| errs.push(e));
                None
            }
        },
    };
    if let Some(e) = &raw.link_expires_at {
        errs.take(xhs_domain::check_instant("link_expires_at", e));
        if schedule.as_ref().is_some_and(|sc| *e <= sc.end_at) {
            errs.push(FieldError::new(
                "link_expires_at",
                Rule::After,
                "link_expires_at must come after schedule.end_at (the last link opens before it)",
            ));
        }
    }
    let posts = check_posts(s, raw, &mut errs).await?;
    let (account_ids, group_ids) = check_audience(s, raw.audience.as_ref(), &mut errs).await?;
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let (Some(name), Some(sc)) = (name, schedule) else {
        return Err(errs.into());
    };
    for p in &posts {
        crate::notes::review::ensure_approved(s, p)?;
    }
    // As given (they parsed): "24:00" keeps its meaning.
    let w = raw.schedule.as_ref().and_then(|r| r.daily_window.clone());
    let w = w.unwrap_or_default();
    let window = (
        w.from.unwrap_or_default().trim().to_owned(),
        w.to.unwrap_or_default().trim().to_owned(),
    );
    Ok(Checked {
        fields: CampaignFields {
            name,
            pairing: raw.pairing.unwrap_or(Pairing::EachAccountEveryPost),
            platforms: raw.platforms.clone(),
            link_expires_at: raw.link_expires_at,
            start_at: sc.start_at,
            end_at: sc.end_at,
            window_from: window.0,
            window_to: window.1,
            per_account_per_day: sc.per_account_per_day,
            min_gap_minutes: sc.min_gap_minutes,
            post_ids: posts.iter().map(|p| p.id).collect(),
            account_ids,
            group_ids,
        },
    })
}

/// The notes: 1 to 50, each once, live, passing pre-flight for the chosen
/// platforms (XHS when none are chosen).
async fn check_posts(
    s: &Services,
    raw: &RawCampaign,
    errs: &mut ValidationErrors,
) -> AppResult<Vec<Post>> {
    let ids = raw.post_ids.as_deref().unwrap_or_default();
    if ids.is_empty() || ids.len() > MAX_POSTS {
        errs.push(
            FieldError::new(
                "post_ids",
                Rule::Range,
                format!("post_ids must list 1 to {MAX_POSTS} notes"),
            )
            .counts(ids.len(), MAX_POSTS),
        );
        return Ok(Vec::new());
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let field = format!("post_ids[{i}]");
        if !seen.insert(*id) {
            errs.push(FieldError::new(
                field,
                Rule::OneOf,
                format!("note {id} is listed twice"),
            ));
            continue;
        }
        let post = match xhs_persistence::posts::find_any(&s.db, *id).await? {
            Some(p) if !p.is_deleted => p,
            _ => {
                errs.push(FieldError::new(
                    field,
                    Rule::Exists,
                    format!("no note {id} (or it was deleted)"),
                ));
                continue;
            }
        };
        match &raw.platforms {
            Some(names) => {
                if let Err(es) = crate::links::handoff::chosen(s, &post, names) {
                    for e in es {
                        let mut e = e;
                        if e.field.starts_with("platforms[") {
                            e.message = format!("note {id}: {}", e.message);
                        }
                        if !errs
                            .0
                            .iter()
                            .any(|x| x.field == e.field && x.message == e.message)
                        {
                            errs.push(e);
                        }
                    }
                }
            }
            None => {
                if let Err(v) = PostDraft::parse(&posts::raw(&post)) {
                    for e in v.0 {
                        let msg = format!("note {id} fails pre-flight: {}", e.message);
                        errs.push(FieldError {
                            field: format!("{field}.{}", e.field),
                            message: msg,
                            ..e
                        });
                    }
                }
            }
        }
        out.push(post);
    }
    Ok(out)
}

/// The audience: at least one account or group, each live; at most
/// [`MAX_ACCOUNTS`] accounts once the groups are counted in.
async fn check_audience(
    s: &Services,
    raw: Option<&RawAudience>,
    errs: &mut ValidationErrors,
) -> AppResult<(Vec<i64>, Vec<i64>)> {
    let accounts_in = raw.and_then(|a| a.account_ids.clone()).unwrap_or_default();
    let groups_in = raw.and_then(|a| a.group_ids.clone()).unwrap_or_default();
    if accounts_in.is_empty() && groups_in.is_empty() {
        errs.push(FieldError::new(
            "audience",
            Rule::Required,
            "audience must name at least one account or group",
        ));
        return Ok((Vec::new(), Vec::new()));
    }
    if accounts_in.len() > MAX_ACCOUNTS || groups_in.len() > MAX_GROUPS {
        let e = FieldError::new(
            "audience",
            Rule::MaxItems,
            format!("at most {MAX_ACCOUNTS} accounts and {MAX_GROUPS} groups"),
        );
        errs.push(e.counts(accounts_in.len(), MAX_ACCOUNTS));
        return Ok((Vec::new(), Vec::new()));
    }
    let live: HashSet<i64> = accounts::find_any(&s.db, &accounts_in)
        .await?
        .into_iter()
        .filter(|a| !a.is_deleted)
        .map(|a| a.id)
        .collect();
    let mut seen = HashSet::new();
    for (i, a) in accounts_in.iter().enumerate() {
        let field = format!("audience.account_ids[{i}]");
        if !seen.insert(*a) {
            errs.push(FieldError::new(
                field,
                Rule::OneOf,
                format!("account {a} is listed twice"),
            ));
        } else if !live.contains(a) {
            errs.push(FieldError::new(
                field,
                Rule::Exists,
                format!("no account {a} (or it was deleted)"),
            ));
        }
    }
    let mut reach: HashSet<i64> = live;
    let mut seen = HashSet::new();
    for (i, g) in groups_in.iter().enumerate() {
        let field = format!("audience.group_ids[{i}]");
        if !seen.insert(*g) {
            errs.push(FieldError::new(
                field,
                Rule::OneOf,
                format!("group {g} is listed twice"),
            ));
        } else if groups::find(&s.db, *g).await?.is_none() {
            errs.push(FieldError::new(
                field,
                Rule::Exists,
                format!("no group {g}"),
            ));
        } else {
            reach.extend(groups::member_ids(&s.db, *g).await?);
        }
    }
    if errs.is_empty() && reach.is_empty() {
        errs.push(FieldError::new(
            "audience",
            Rule::MinItems,
            "the chosen groups hold no live account",
        ));
    }
    if reach.len() > MAX_ACCOUNTS {
        let e = FieldError::new(
            "audience",
            Rule::MaxItems,
            format!("the audience reaches at most {MAX_ACCOUNTS} accounts"),
        );
        errs.push(e.counts(reach.len(), MAX_ACCOUNTS));
    }
    Ok((accounts_in, groups_in))
}
