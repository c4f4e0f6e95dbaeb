//! How this project reads a provider's robot row. The status numbers are not
//! documented; the reading (XHS_FACTS section 5) is kept in this one place.
use serde_json::Value;

/// One robot, as this project understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RobotRow {
    /// The provider's id (a UUID string): the robot in every later call.
    pub provider_id: String,
    pub nickname: Option<String>,
    pub avatar_url: Option<String>,
    /// `onlineStatus` 1; anything else is offline.
    pub online: bool,
    /// `captchaStatus` 2: a captcha waits to be solved (1 is the normal state).
    pub captcha: bool,
    /// `enabled: false` is disabled or forbidden.
    pub enabled: bool,
}

impl RobotRow {
    /// Reads a row; None when it has no id, or one longer than any UUID
    /// form (64 characters).
    pub fn parse(v: &Value) -> Option<Self> {
        let text = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        Some(Self {
            provider_id: text("id").filter(|id| id.chars().count() <= 64)?,
            nickname: text("nickName"),
            avatar_url: text("avatarUrl"),
            online: v.get("onlineStatus").and_then(Value::as_i64) == Some(1),
            captcha: v.get("captchaStatus").and_then(Value::as_i64) == Some(2),
            enabled: v.get("enabled").and_then(Value::as_bool).unwrap_or(true),
        })
    }
}

/// One page of the provider's robot list.
#[derive(Debug, Clone)]
pub struct RobotPage {
    pub rows: Vec<RobotRow>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn a_guide_row_reads_as_online_without_captcha() {
        let row = RobotRow::parse(&json!({
            "id": "3f0e…", "nickName": "小红", "avatarUrl": "https://a/1.jpg",
            "onlineStatus": 1, "captchaStatus": 1, "enabled": true
        }))
        .unwrap();
        assert!(row.online && row.enabled && !row.captcha);
        assert_eq!(row.nickname.as_deref(), Some("小红"));
    }

    #[test]
    fn offline_captcha_and_disabled_are_read_and_a_row_without_id_is_skipped() {
        let row = RobotRow::parse(
            &json!({"id": "x", "onlineStatus": 0, "captchaStatus": 2, "enabled": false}),
        )
        .unwrap();
        assert!(!row.online && row.captcha && !row.enabled);
        assert!(RobotRow::parse(&json!({"nickName": "no id"})).is_none());
    }
}
