//! The people of a note: one row per share link, where its person stands,
//! and the reminders (催办) to those who have not published yet.
use crate::vocab::vocabulary;
use crate::LinkStatus;

vocabulary! {
    /// Where the person of one link stands, in the words of campaign
    /// assignments where they fit: `scheduled` (the link opens later),
    /// `open` (not opened yet), `opened`, `tapped`, `published`, `failed`
    /// (the last attempt failed), and `expired` or `revoked` (the link no
    /// longer works; a published person stays `published`).
    PersonStatus { Scheduled, Open, Opened, Tapped, Published, Failed, Expired, Revoked }
}

/// What is known about one link, to tell its person's status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonFacts {
    /// The link's own status (revoked, expired, active).
    pub link: Option<LinkStatus>,
    /// The link opens later than now.
    pub not_open_yet: bool,
    pub opened: bool,
    pub tapped: bool,
    pub published: bool,
    /// The account's publish record says `failed`.
    pub failed: bool,
}

impl PersonStatus {
    pub fn of(f: PersonFacts) -> Self {
        match f.link {
            _ if f.published => Self::Published,
            Some(LinkStatus::Revoked) => Self::Revoked,
            Some(LinkStatus::Expired | LinkStatus::PostDeleted) => Self::Expired,
            _ if f.not_open_yet => Self::Scheduled,
            _ if f.failed => Self::Failed,
            _ if f.tapped => Self::Tapped,
            _ if f.opened => Self::Opened,
            _ => Self::Open,
        }
    }

    /// Still to publish with a link that works: whom a reminder is for.
    pub fn is_unfinished(self) -> bool {
        matches!(
            self,
            Self::Scheduled | Self::Open | Self::Opened | Self::Tapped | Self::Failed
        )
    }
}

/// The message for one person: ready to paste into a chat.
pub fn reminder(name: &str, title: &str, url: &str) -> String {
    format!(
        "{name}，你好！笔记「{title}」还没有发布，请用手机打开下面的链接，按页面提示发布到小红书，发布后把笔记链接粘贴回页面：{url}"
    )
}

/// One text for everyone on the list: a line each, with their link.
pub fn reminder_for_all(title: &str, people: &[(String, String)]) -> String {
    let mut out = format!(
        "以下 {} 位同学还没有发布笔记「{title}」，请用手机打开自己的链接，按页面提示发布到小红书，发布后把笔记链接粘贴回页面：",
        people.len()
    );
    for (i, (name, url)) in people.iter().enumerate() {
        out.push_str(&format!("\n{}. {name}：{url}", i + 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishing_wins_then_a_dead_link_then_the_furthest_step() {
        let base = PersonFacts {
            link: Some(LinkStatus::Active),
            ..Default::default()
        };
        assert_eq!(PersonStatus::of(base), PersonStatus::Open);
        let tapped = PersonFacts {
            opened: true,
            tapped: true,
            ..base
        };
        assert_eq!(PersonStatus::of(tapped), PersonStatus::Tapped);
        let revoked = PersonFacts {
            link: Some(LinkStatus::Revoked),
            ..tapped
        };
        assert_eq!(PersonStatus::of(revoked), PersonStatus::Revoked);
        let done = PersonFacts {
            published: true,
            ..revoked
        };
        assert_eq!(PersonStatus::of(done), PersonStatus::Published);
        let later = PersonFacts {
            not_open_yet: true,
            ..base
        };
        assert_eq!(PersonStatus::of(later), PersonStatus::Scheduled);
        let failed = PersonFacts {
            failed: true,
            ..tapped
        };
        assert_eq!(PersonStatus::of(failed), PersonStatus::Failed);
        assert!(PersonStatus::Failed.is_unfinished());
        assert!(!PersonStatus::Expired.is_unfinished());
        assert!(!PersonStatus::Published.is_unfinished());
    }

    #[test]
    fn the_text_for_all_numbers_each_person_with_their_link() {
        let people = [
            ("王同学".to_owned(), "https://x/s/a".to_owned()),
            ("李同学".to_owned(), "https://x/s/b".to_owned()),
        ];
        let text = reminder_for_all("周末去哪儿", &people);
        assert!(text.starts_with("以下 2 位同学还没有发布笔记「周末去哪儿」"));
        assert!(text.ends_with("\n1. 王同学：https://x/s/a\n2. 李同学：https://x/s/b"));
        assert!(reminder("王同学", "周末", "https://x/s/a").contains("https://x/s/a"));
    }
}
