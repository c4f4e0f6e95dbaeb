//! Webhook events (issue 22 item 2): one enum of event types, each with its
//! `data` shape. Types are dotted (`publish.confirmed`), as integrators see
//! them in the body's `type`; the OpenAPI document describes the body as
//! `WebhookEvent`, one schema per type, told apart by `type`.
use crate::{ReviewStatus, RobotBlock, RobotFunction, SharePlatform, TaskStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Declares the event types once: the type enum, the data an event carries
/// ([`EventData`]) and the body's schema ([`WebhookEvent`]).
macro_rules! events {
    ($($(#[$m:meta])* $v:ident = $name:tt => $data:ty),+ $(,)?) => {
        /// What happened, as an endpoint subscribes to it and as the body's `type` says.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            Serialize, Deserialize, ToSchema,
            strum::AsRefStr, strum::IntoStaticStr, strum::EnumString, strum::EnumIter,
        )]
        pub enum WebhookEventType {
            $($(#[$m])* #[serde(rename = $name)] #[strum(serialize = $name)] $v),+
        }

        /// An event to emit: its type and its data together.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "type", content = "data")]
        pub enum EventData {
            $(#[serde(rename = $name)] $v($data)),+
        }

        impl EventData {
            pub fn event_type(&self) -> WebhookEventType {
                match self {
                    $(Self::$v(_) => WebhookEventType::$v),+
                }
            }
        }

        /// The body of a delivery (the Standard Webhooks format): `type`,
        /// `timestamp` (when the event happened) and `data`, whose shape
        /// `type` decides.
        #[derive(Debug, Clone, Serialize, ToSchema)]
        #[serde(tag = "type")]
        pub enum WebhookEvent {
            $(#[serde(rename = $name)] $v { timestamp: DateTime<Utc>, data: $data }),+
        }
    };
}

events! {
    /// A publish was confirmed (the page's paste-back, an operator, or a robot's result).
    PublishConfirmed = "publish.confirmed" => PublishConfirmedData,
    /// A robot task succeeded (the provider called back with code 0).
    TaskSucceeded = "task.succeeded" => TaskEventData,
    TaskFailed = "task.failed" => TaskEventData,
    /// The provider never called back within its 7200 s.
    TaskTimedOut = "task.timed_out" => TaskEventData,
    /// A robot became disabled, held by a captcha or offline.
    RobotBlocked = "robot.blocked" => RobotEventData,
    RobotUnblocked = "robot.unblocked" => RobotEventData,
    PostSubmitted = "post.submitted" => ReviewEventData,
    PostApproved = "post.approved" => ReviewEventData,
    PostChangesRequested = "post.changes_requested" => ReviewEventData,
    CampaignLaunched = "campaign.launched" => CampaignEventData,
    CampaignFinished = "campaign.finished" => CampaignEventData,
    AssignmentPublished = "assignment.published" => AssignmentEventData,
    /// Busy: sent only to endpoints that chose it explicitly.
    LinkOpened = "link.opened" => LinkEventData,
    /// Busy: sent only to endpoints that chose it explicitly.
    LinkTapped = "link.tapped" => LinkEventData,
    /// `POST /api/webhooks/{id}/test`: to that endpoint only, never subscribed to.
    WebhookTest = "webhook.test" => TestEventData,
}

impl WebhookEventType {
    /// The dotted name, as stored and as the body says it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// An endpoint may list it in `events` (`webhook.test` is sent on request only).
    pub fn subscribable(self) -> bool {
        self != Self::WebhookTest
    }

    /// Parses a request's value for `field`, naming the allowed values.
    pub fn parse_field(field: &str, s: &str) -> Result<Self, crate::FieldError> {
        use strum::IntoEnumIterator;
        s.parse::<Self>()
            .ok()
            .filter(|t| t.subscribable())
            .ok_or_else(|| {
                let allowed: Vec<&str> = Self::iter()
                    .filter(|t| t.subscribable())
                    .map(Self::as_str)
                    .collect();
                crate::FieldError::new(
                    field,
                    crate::Rule::OneOf,
                    format!("{field} must be one of {}; got '{s}'", allowed.join(", ")),
                )
            })
    }
}

impl std::fmt::Display for WebhookEventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `publish.confirmed`: a publish record reached `confirmed` with the note's link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PublishConfirmedData {
    pub record_id: i64,
    pub post_id: i64,
    pub account_id: i64,
    /// The published note's link, when one was given.
    pub note_url: Option<String>,
    pub platform: Option<SharePlatform>,
}

/// `task.*`: a robot task reached a final status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskEventData {
    pub task_id: i64,
    pub post_id: i64,
    pub robot_id: i64,
    pub function: RobotFunction,
    pub status: TaskStatus,
    /// Why it failed or timed out (the provider's message).
    pub reason: Option<String>,
    pub note_url: Option<String>,
}

/// `robot.*`: a robot account became (un)callable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RobotEventData {
    /// The robot's account id.
    pub robot_id: i64,
    /// Why it gets no calls now; null when unblocked.
    pub block: Option<RobotBlock>,
}

/// `post.*`: a step of the approval workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReviewEventData {
    pub post_id: i64,
    pub review_status: ReviewStatus,
    /// Who took the step (a username or `token:{name}`).
    pub by: String,
    pub comment: Option<String>,
}

/// `campaign.*`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CampaignEventData {
    pub campaign_id: i64,
    pub name: Option<String>,
}

/// `assignment.published`: one account of a campaign published its note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AssignmentEventData {
    pub campaign_id: i64,
    pub assignment_id: i64,
    pub post_id: i64,
    pub account_id: i64,
    pub note_url: Option<String>,
}

/// `link.*`: a share page was opened, or its publish button tapped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LinkEventData {
    pub link_id: i64,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub platform: Option<SharePlatform>,
}

/// `webhook.test`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TestEventData {
    pub webhook_id: i64,
    pub message: String,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn types_are_dotted_on_the_wire_and_round_trip() {
        for t in WebhookEventType::iter() {
            assert_eq!(t.as_str().parse::<WebhookEventType>().unwrap(), t);
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                serde_json::json!(t.as_str())
            );
        }
        assert_eq!(WebhookEventType::TaskTimedOut.as_str(), "task.timed_out");
    }

    #[test]
    fn event_data_carries_its_type_beside_its_data() {
        let e = EventData::RobotBlocked(RobotEventData {
            robot_id: 3,
            block: Some(RobotBlock::Captcha),
        });
        assert_eq!(e.event_type(), WebhookEventType::RobotBlocked);
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["type"], "robot.blocked");
        assert_eq!(v["data"]["block"], "captcha");
    }

    #[test]
    fn the_test_event_cannot_be_subscribed_to() {
        let e = WebhookEventType::parse_field("events", "webhook.test").unwrap_err();
        assert_eq!(e.field, "events");
        assert!(WebhookEventType::parse_field("events", "link.opened").is_ok());
        let allowed = e.message.split(';').next().unwrap();
        assert!(allowed.contains("link.opened") && !allowed.contains("webhook.test"));
    }
}
