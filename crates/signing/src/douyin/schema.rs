//! The `snssdk1128://` schema and its signature.

use md5::{Digest, Md5};
use url::form_urlencoded;

use crate::sign::new_nonce;

/// Where Douyin's H5 share schema starts.
pub const SCHEMA_BASE: &str = "snssdk1128://openplatform/share";

/// What a schema fills in on Douyin's share page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DouyinShare {
    pub title: String,
    /// Without the `#`.
    pub hashtags: Vec<String>,
    /// Image URLs (`image_list_path`), or empty for a video note.
    pub images: Vec<String>,
    /// The video URL (`video_path`).
    pub video: Option<String>,
}

/// Lowercase hex MD5 of `nonce_str=N&ticket=T&timestamp=S`, S in seconds.
pub fn douyin_signature(nonce_str: &str, ticket: &str, timestamp_secs: &str) -> String {
    let plain = format!("nonce_str={nonce_str}&ticket={ticket}&timestamp={timestamp_secs}");
    hex::encode(Md5::digest(plain.as_bytes()))
}

impl DouyinShare {
    /// The schema's fields that are the same on every tap of one link
    /// (`share_type`, `state`, the note), URL-encoded: made once per link
    /// and kept, so a tap only signs.
    pub fn fields(&self, state: &str) -> String {
        let json = |v: &[String]| serde_json::Value::from(v.to_vec()).to_string();
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("share_type", "h5")
            .append_pair("state", state)
            .append_pair("title", &self.title)
            .append_pair("hashtag_list", &json(&self.hashtags));
        match &self.video {
            Some(video) => q.append_pair("video_path", video),
            None => q.append_pair("image_list_path", &json(&self.images)),
        };
        q.finish()
    }

    /// The signed schema with a fresh nonce and the current second.
    #[cfg(test)]
    pub(crate) fn schema(&self, client_key: &str, ticket: &str, state: &str) -> String {
        signed(client_key, ticket, &self.fields(state))
    }
}

/// The schema of `fields` (see [`DouyinShare::fields`]) signed with a fresh
/// nonce and the current second.
pub(crate) fn signed(client_key: &str, ticket: &str, fields: &str) -> String {
    let nonce = new_nonce();
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let signature = douyin_signature(&nonce, ticket, &timestamp);
    let mut q = form_urlencoded::Serializer::new(String::with_capacity(
        SCHEMA_BASE.len() + 160 + fields.len(),
    ));
    q.append_pair("client_key", client_key)
        .append_pair("nonce_str", &nonce)
        .append_pair("timestamp", &timestamp)
        .append_pair("signature", &signature);
    format!("{SCHEMA_BASE}?{}&{fields}", q.finish())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_signature_is_md5_of_the_three_fields_in_order() {
        // Computed by hand: printf '%s' 'nonce_str=Wm3WZYTPz0wzccnW&ticket=T123&timestamp=1650000000' | md5sum
        assert_eq!(
            douyin_signature("Wm3WZYTPz0wzccnW", "T123", "1650000000"),
            "80e531e470e85304680ab36aba7ccbea"
        );
    }

    #[test]
    fn a_schema_carries_every_field_and_a_matching_signature() {
        let share = DouyinShare {
            title: "周末 咖啡&甜点".into(),
            hashtags: vec!["咖啡".into(), "探店".into()],
            images: vec!["https://x.test/a.jpg".into(), "https://x.test/b.png".into()],
            video: None,
        };
        let schema = share.schema("ck1", "T123", "st");
        let url = url::Url::parse(&schema).unwrap();
        assert_eq!(url.scheme(), "snssdk1128");
        let q: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
        assert_eq!(q["client_key"], "ck1");
        assert_eq!(q["share_type"], "h5");
        assert_eq!(q["state"], "st");
        assert_eq!(q["title"], "周末 咖啡&甜点");
        assert_eq!(q["hashtag_list"], r#"["咖啡","探店"]"#);
        assert_eq!(
            q["image_list_path"],
            r#"["https://x.test/a.jpg","https://x.test/b.png"]"#
        );
        assert!(!q.contains_key("video_path"));
        let ts: i64 = q["timestamp"].parse().unwrap();
        assert!(
            (ts - chrono::Utc::now().timestamp()).abs() < 5,
            "seconds, not millis"
        );
        assert_eq!(
            q["signature"],
            douyin_signature(&q["nonce_str"], "T123", &q["timestamp"])
        );
    }
}
