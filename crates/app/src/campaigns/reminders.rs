//! Reminders (催办): for every person who has not published yet, a
//! ready-to-paste Chinese message with their link; for each group, and for
//! everyone, one text listing who still has to.
use super::assignments::{enrich, AssignmentView};
use crate::{AppResult, Services};
use chrono::Utc;
use std::collections::BTreeMap;
use xhs_domain::campaign::{AssignmentStatus, Channel};
use xhs_persistence::campaign_assignments::{self as store, AssignmentFilter};

/// One person's reminder.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub assignment: AssignmentView,
    pub message: String,
}

/// One text for a group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupReminder {
    pub group_id: i64,
    pub name: String,
    pub count: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reminders {
    pub people: Vec<Reminder>,
    pub groups: Vec<GroupReminder>,
    /// Everyone unfinished, in one text.
    pub all_text: String,
}

/// Statuses of a person who has a link and has not published.
const UNFINISHED: [AssignmentStatus; 4] = [
    AssignmentStatus::Scheduled,
    AssignmentStatus::Open,
    AssignmentStatus::Opened,
    AssignmentStatus::Tapped,
];

fn message(s: &Services, a: &AssignmentView) -> String {
    let url = a.link_url.as_deref().unwrap_or_default();
    let title = &a.post_title;
    let name = &a.account_name;
    if a.row.scheduled_at > Utc::now() {
        let at = a
            .row
            .scheduled_at
            .with_timezone(&s.settings.stats_timezone)
            .format("%-m月%-d日 %H:%M");
        format!("{name}，你好！请在 {at} 之后打开下面的链接，发布小红书笔记《{title}》：{url} 发布后请把笔记链接粘贴回页面，谢谢！")
    } else {
        format!("{name}，你好！笔记《{title}》还没有发布，请尽快打开下面的链接发布到小红书：{url} 发布后请把笔记链接粘贴回页面，谢谢！")
    }
}

fn line(a: &AssignmentView) -> String {
    format!(
        "@{} 《{}》 {}",
        a.account_name,
        a.post_title,
        a.link_url.as_deref().unwrap_or_default()
    )
}

fn text(header: &str, who: &[&AssignmentView]) -> String {
    let mut t = format!("【{header}】还有 {} 条笔记未发布，请以下同学尽快打开自己的链接发布，发布后把笔记链接粘贴回页面：", who.len());
    for a in who {
        t.push('\n');
        t.push_str(&line(a));
    }
    t
}

pub async fn reminders(s: &Services, id: i64) -> AppResult<Reminders> {
    let c = super::find(&s.db, id).await?;
    let mut rows = Vec::new();
    for status in UNFINISHED {
        let f = AssignmentFilter {
            status: Some(status),
            limit: u64::from(u32::MAX),
            ..AssignmentFilter::default()
        };
        rows.extend(
            store::page(&s.db, id, &f, Utc::now())
                .await?
                .into_iter()
                .filter(|r| r.channel == Channel::Link),
        );
    }
    rows.sort_by_key(|r| (r.scheduled_at, r.id));
    let views = enrich(s, id, rows).await?;
    let mut by_group: BTreeMap<(String, i64), Vec<&AssignmentView>> = BTreeMap::new();
    for v in &views {
        for g in &v.groups {
            by_group.entry((g.name.clone(), g.id)).or_default().push(v);
        }
    }
    let groups = by_group
        .into_iter()
        .map(|((name, group_id), who)| GroupReminder {
            group_id,
            count: who.len(),
            text: text(&format!("{} · {name}", c.fields.name), &who),
            name,
        })
        .collect();
    let everyone: Vec<&AssignmentView> = views.iter().collect();
    let all_text = text(&c.fields.name, &everyone);
    let people = views
        .iter()
        .map(|a| Reminder {
            message: message(s, a),
            assignment: a.clone(),
        })
        .collect();
    Ok(Reminders {
        people,
        groups,
        all_text,
    })
}
