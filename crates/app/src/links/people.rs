//! The people of a note (issue 19 item 5): one row per share link of the
//! note, in or outside a campaign, with the account and its groups, where
//! the person stands, when they first opened, tapped and published, and
//! the note link they pasted back; and the reminders (催办) for those who
//! have not published yet.
use crate::groups::GroupRef;
use crate::links::manage::{status_of, view, Link};
use crate::notes::posts;
use crate::{AppResult, Services};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use xhs_domain::people::{reminder, reminder_for_all, PersonFacts, PersonStatus};
use xhs_domain::RecordStatus;
use xhs_persistence::{accounts, groups, links, people, records};

/// One link of the note and its person.
#[derive(Debug, Clone)]
pub struct Person {
    pub link: Link,
    pub groups: Vec<GroupRef>,
    pub status: PersonStatus,
    pub opened_at: Option<DateTime<Utc>>,
    pub tapped_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    /// The published note's URL, as pasted back (or confirmed by an operator).
    pub note_url: Option<String>,
    /// Why the last attempt failed, when it did.
    pub failure_reason: Option<String>,
}

impl Person {
    /// Who the person is, for people: the account, else the link's label.
    pub fn name(&self) -> String {
        self.link
            .account_name
            .clone()
            .or_else(|| self.link.stored.label.clone())
            .unwrap_or_else(|| format!("链接 {}", self.link.stored.id))
    }
}

/// Every link of a live note, newest first (only the unfinished ones when
/// `unfinished`).
pub async fn people(s: &Services, post_id: i64, unfinished: bool) -> AppResult<Vec<Person>> {
    let post = posts::get(s, post_id).await?;
    let rows = links::list_for_post(&s.db, post.id).await?;
    let account_ids: Vec<i64> = rows.iter().filter_map(|l| l.account_id).collect();
    let names: HashMap<i64, String> = accounts::find_any(&s.db, &account_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let group_refs = groups::of_accounts(&s.db, &account_ids).await?;
    let record_of: HashMap<i64, xhs_persistence::Record> =
        records::list(&s.db, Some(post.id), None)
            .await?
            .into_iter()
            .map(|r| (r.account_id, r))
            .collect();
    let mut times = people::first_times(&s.db, post.id).await?;
    let now = Utc::now();
    let mut out = Vec::with_capacity(rows.len());
    for l in rows {
        let t = times.remove(&l.id).unwrap_or_default();
        // The account's record speaks for this link when it was made
        // through it (or through none): one record per note and account.
        let record = l
            .account_id
            .and_then(|a| record_of.get(&a))
            .filter(|r| r.link_id.is_none_or(|id| id == l.id));
        let record_published = record.is_some_and(|r| r.status == RecordStatus::Published);
        let published_at = t
            .confirmed
            .or_else(|| record.filter(|_| record_published).map(|r| r.updated_at));
        let facts = PersonFacts {
            link: Some(status_of(&l, false, now)),
            not_open_yet: l.not_before.is_some_and(|nb| nb > now),
            opened: t.opened.is_some(),
            tapped: t.tapped.is_some(),
            published: published_at.is_some(),
            failed: record.is_some_and(|r| r.status == RecordStatus::Failed),
        };
        let status = PersonStatus::of(facts);
        if unfinished && !status.is_unfinished() {
            continue;
        }
        let name = l.account_id.and_then(|a| names.get(&a).cloned());
        let groups = l
            .account_id
            .and_then(|a| group_refs.get(&a).cloned())
            .unwrap_or_default();
        out.push(Person {
            groups,
            status,
            opened_at: t.opened,
            tapped_at: t.tapped,
            published_at,
            note_url: record.and_then(|r| r.note_url.clone()),
            failure_reason: record
                .filter(|_| status == PersonStatus::Failed)
                .and_then(|r| r.failure_reason.clone()),
            link: view(s, l, name, false),
        });
    }
    let mut links: Vec<Link> = out.iter().map(|p| p.link.clone()).collect();
    crate::links::manage::with_variant_labels(s, post.id, &mut links).await?;
    for (p, l) in out.iter_mut().zip(links) {
        p.link.variant_label = l.variant_label;
    }
    Ok(out)
}

/// A reminder for one person.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub link_id: i64,
    pub account_id: Option<i64>,
    pub name: String,
    pub url: String,
    pub status: PersonStatus,
    /// Ready to paste into a chat.
    pub message: String,
}

/// The reminders of every unfinished person, and one text for them all.
pub async fn reminders(s: &Services, post_id: i64) -> AppResult<(Vec<Reminder>, String)> {
    let post = posts::get(s, post_id).await?;
    let people = people(s, post.id, true).await?;
    let items: Vec<Reminder> = people
        .into_iter()
        .map(|p| {
            let name = p.name();
            Reminder {
                link_id: p.link.stored.id,
                account_id: p.link.stored.account_id,
                message: reminder(&name, &post.title, &p.link.url),
                url: p.link.url,
                status: p.status,
                name,
            }
        })
        .collect();
    let all: Vec<(String, String)> = items
        .iter()
        .map(|r| (r.name.clone(), r.url.clone()))
        .collect();
    let text = if all.is_empty() {
        String::new()
    } else {
        reminder_for_all(&post.title, &all)
    };
    Ok((items, text))
}
