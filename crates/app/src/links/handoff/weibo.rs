//! Weibo: a share URL with the link, the title and the images (a link card;
//! Weibo has no composer a page can fill).
use crate::Services;
use url::form_urlencoded;
use xhs_domain::{hashtags, PostDraft};

const SHARE_URL: &str = "https://service.weibo.com/share/share.php";
/// Images Weibo's card takes, joined with `||`.
const PICS: usize = 9;

pub(super) fn share_url(s: &Services, d: &PostDraft, token: &str) -> String {
    // Weibo writes topics as #name#.
    let topics: String = hashtags(d.body.as_str())
        .iter()
        .map(|t| format!(" #{t}#"))
        .collect();
    let pics: Vec<&str> = d
        .images
        .iter()
        .chain(d.effective_cover().filter(|_| d.images.is_empty()))
        .take(PICS)
        .map(|u| u.as_str())
        .collect();
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("url", &s.settings.url(&format!("s/{token}")))
        .append_pair("title", &format!("{}{topics}", d.title.as_str()));
    if !pics.is_empty() {
        q.append_pair("pic", &pics.join("||"));
    }
    format!("{SHARE_URL}?{}", q.finish())
}
