//! What the provider sends us: task results (to the callback URL) and pushed
//! robot events. Where each field sits is configuration (JSON pointers).
use crate::RobotRow;
use serde_json::Value;

/// JSON pointers to the fields of a task result.
#[derive(Debug, Clone)]
pub struct CallbackFields {
    pub task_id: String,
    pub code: String,
    pub msg: String,
    pub note_url: String,
}

impl Default for CallbackFields {
    fn default() -> Self {
        Self {
            task_id: "/taskId".into(),
            code: "/code".into(),
            msg: "/msg".into(),
            note_url: "/data/noteUrl".into(),
        }
    }
}

/// A task result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskResult {
    pub task_id: String,
    /// 0 is success.
    pub code: i64,
    pub msg: String,
    pub note_url: Option<String>,
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl TaskResult {
    /// Reads a callback body; None without a task id or a numeric code.
    pub fn parse(body: &Value, f: &CallbackFields) -> Option<Self> {
        let code = match body.pointer(&f.code)? {
            Value::Number(n) => n.as_i64()?,
            Value::String(s) => s.trim().parse().ok()?,
            _ => return None,
        };
        Some(Self {
            task_id: text(body.pointer(&f.task_id))?,
            code,
            msg: text(body.pointer(&f.msg)).unwrap_or_default(),
            note_url: text(body.pointer(&f.note_url)),
        })
    }
}

/// A pushed event: `{"type": T, "data": <robot row>}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RobotEvent {
    /// `robotOnlineStatusChange`, `robotCaptchaStatusChange` or `robotForbiddenStatusChange`.
    pub kind: String,
    pub robot: RobotRow,
}

impl RobotEvent {
    pub fn parse(body: &Value) -> Option<Self> {
        Some(Self {
            kind: text(body.get("type"))?,
            robot: RobotRow::parse(body.get("data")?)?,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn a_result_is_read_from_the_configured_places() {
        let body = json!({"taskId": 42, "code": 0, "msg": "ok", "data": {"noteId": "n", "noteUrl": "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"}});
        let r = TaskResult::parse(&body, &CallbackFields::default()).unwrap();
        assert_eq!((r.task_id.as_str(), r.code), ("42", 0));
        assert!(r.note_url.unwrap().contains("explore"));
        let moved = CallbackFields {
            task_id: "/result/id".into(),
            ..CallbackFields::default()
        };
        let body = json!({"result": {"id": "t-1"}, "code": "5001", "msg": "账号异常"});
        let r = TaskResult::parse(&body, &moved).unwrap();
        assert_eq!(
            (r.task_id.as_str(), r.code, r.msg.as_str()),
            ("t-1", 5001, "账号异常")
        );
        assert!(TaskResult::parse(&json!({"code": 0}), &CallbackFields::default()).is_none());
    }

    #[test]
    fn an_event_carries_a_robot_row() {
        let e = RobotEvent::parse(
            &json!({"type": "robotOnlineStatusChange", "data": {"id": "r1", "onlineStatus": 0}}),
        )
        .unwrap();
        assert_eq!(e.kind, "robotOnlineStatusChange");
        assert!(!e.robot.online);
    }
}
