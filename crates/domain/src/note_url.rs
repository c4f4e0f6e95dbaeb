//! The link of a published note, taken from whatever people paste: the XHS
//! app's 复制链接 gives a sentence with the link inside (XHS_FACTS section 8),
//! the web page's share gives a long link with tracking parameters.
use crate::{char_count, FieldError, Rule, MAX_NOTE_URL_CHARS};
use url::Url;

/// One published note's link in one canonical form:
/// `https://www.xiaohongshu.com/explore/{id}` when the note id is in the
/// link, the short link (`xhslink.com/…`) as given otherwise. The same note
/// pasted twice gives the same value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteUrl(String);

/// A note id: 24 hexadecimal characters.
const NOTE_ID_LEN: usize = 24;

/// Hosts of the long links (overseas accounts use rednote.com).
const LONG_HOSTS: [&str; 4] = [
    "www.xiaohongshu.com",
    "xiaohongshu.com",
    "www.rednote.com",
    "rednote.com",
];

/// Hosts of the short links, which redirect to a long one.
const SHORT_HOSTS: [&str; 2] = ["xhslink.com", "www.xhslink.com"];

impl NoteUrl {
    /// The first XHS note link in `text` (the app's share text, a long or a
    /// short link), in canonical form; refused when there is none.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let n = char_count(text);
        if n > MAX_NOTE_URL_CHARS {
            return Err(FieldError::new(
                "note_url",
                Rule::MaxChars,
                format!("note_url has {n} characters; at most {MAX_NOTE_URL_CHARS}"),
            )
            .counts(n, MAX_NOTE_URL_CHARS));
        }
        text.split(|c: char| !is_url_char(c))
            .filter_map(candidate)
            .find_map(|c| canonical(&c))
            .map(Self)
            .ok_or_else(|| {
                FieldError::new(
                    "note_url",
                    Rule::XhsNoteUrl,
                    "note_url must hold the link of a published XHS note: paste the text of 复制链接 in the XHS app, or a link such as https://www.xiaohongshu.com/explore/… or http://xhslink.com/…",
                )
            })
    }

    /// The canonical link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The note id, when the link names it (not for short links).
    pub fn note_id(&self) -> Option<&str> {
        self.0.strip_prefix(EXPLORE)
    }
}

impl From<NoteUrl> for String {
    fn from(u: NoteUrl) -> Self {
        u.0
    }
}

const EXPLORE: &str = "https://www.xiaohongshu.com/explore/";

/// A URL ends at whitespace, full-width punctuation, emoji, Chinese: at the
/// first character that cannot be in a URL as written.
fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
}

/// The URL a run of URL characters holds: from its `http(s)://`, or the
/// run itself when it starts with a known host (a link pasted without its
/// scheme); sentence punctuation at its end is not part of it.
fn candidate(run: &str) -> Option<String> {
    let lower = run.to_ascii_lowercase();
    let url = match lower
        .find("http://")
        .into_iter()
        .chain(lower.find("https://"))
        .min()
    {
        Some(at) => run[at..].to_owned(),
        None if LONG_HOSTS
            .iter()
            .chain(SHORT_HOSTS.iter())
            .any(|h| lower.starts_with(&format!("{h}/"))) =>
        {
            format!("https://{run}")
        }
        None => return None,
    };
    Some(
        url.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\''])
            .to_owned(),
    )
}

/// The canonical form of an XHS note URL, None for anything else.
fn canonical(candidate: &str) -> Option<String> {
    let url = Url::parse(candidate).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    if LONG_HOSTS.contains(&host.as_str()) {
        let id = match segments.as_slice() {
            ["explore", id] | ["discovery", "item", id] => *id,
            _ => return None,
        };
        let is_id = id.len() == NOTE_ID_LEN && id.chars().all(|c| c.is_ascii_hexdigit());
        return is_id.then(|| format!("{EXPLORE}{}", id.to_ascii_lowercase()));
    }
    let short = SHORT_HOSTS.contains(&host.as_str()) && !segments.is_empty();
    (short && char_count(url.as_str()) <= MAX_NOTE_URL_CHARS).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const ID: &str = "64a1b2c3d4e5f60718293a4b";

    fn parsed(text: &str) -> String {
        NoteUrl::parse(text).unwrap().as_str().to_owned()
    }

    #[test]
    fn the_apps_share_text_gives_its_short_link_ending_at_the_full_width_comma() {
        let text = "70 某某发布了一篇小红书笔记，快来看吧！ 😆 2B4fyO9nDGbkJsc 😆 http://xhslink.com/a/EPoEXanJ2mFab，复制本条信息，打开【小红书】App查看精彩内容！";
        assert_eq!(parsed(text), "http://xhslink.com/a/EPoEXanJ2mFab");
        let u = NoteUrl::parse(text).unwrap();
        assert_eq!(u.note_id(), None, "a short link does not say its note");
    }

    #[test]
    fn the_web_pages_share_link_and_the_explore_link_are_one_note() {
        let web = format!("https://www.xiaohongshu.com/discovery/item/{ID}?source=webshare&xhsshare=pc_web&xsec_token=ABcd12_-=&xsec_source=pc_share");
        let explore = format!("https://www.xiaohongshu.com/explore/{ID}");
        assert_eq!(parsed(&web), explore);
        assert_eq!(parsed(&explore), explore);
        assert_eq!(
            parsed(&format!("看这个👉{explore}?xsec_token=x，好看")),
            explore
        );
        assert_eq!(
            parsed(&format!(
                "https://www.rednote.com/explore/{}",
                ID.to_uppercase()
            )),
            explore,
            "rednote.com is the same note; the id is lower-cased"
        );
        assert_eq!(NoteUrl::parse(&web).unwrap().note_id(), Some(ID));
    }

    #[test]
    fn the_first_note_link_wins_and_other_links_are_skipped() {
        let text = format!(
            "先看 https://example.com/x 再看 xiaohongshu.com/explore/{ID} 和 http://xhslink.com/a/Other"
        );
        assert_eq!(parsed(&text), format!("{EXPLORE}{ID}"));
        assert_eq!(
            parsed("链接：http://xhslink.com/a/AbCdEf. 谢谢"),
            "http://xhslink.com/a/AbCdEf",
            "a sentence's full stop is not part of it"
        );
    }

    #[test]
    fn anything_without_a_note_link_is_refused_naming_the_field_and_rule() {
        for bad in [
            "",
            "复制本条信息，打开【小红书】App查看精彩内容！",
            "https://evil.com/explore/64a1b2c3d4e5f60718293a4b",
            "https://www.xiaohongshu.com/user/profile/1",
            "https://www.xiaohongshu.com/explore/64a1b2c3",
            "https://www.xiaohongshu.com.evil.com/explore/64a1b2c3d4e5f60718293a4b",
            "javascript:alert(1)",
            "http://xhslink.com/",
        ] {
            let e = NoteUrl::parse(bad).unwrap_err();
            assert_eq!(
                (e.field.as_str(), e.rule),
                ("note_url", Rule::XhsNoteUrl),
                "{bad}"
            );
        }
        let long = format!("http://xhslink.com/a/{}", "x".repeat(600));
        assert_eq!(NoteUrl::parse(&long).unwrap_err().rule, Rule::MaxChars);
    }
}
