//! The problem+json document (RFC 9457) an [`ApiError`] answers with: its
//! fields, how each error fills them, and the wording a person sees on a 5xx
//! (never the cause).
use super::{ApiError, ErrorCode};
use actix_web::ResponseError;
use serde::Serialize;
use utoipa::ToSchema;
use xhs_app::{Platform, Resource};
use xhs_domain::{FieldError, ReviewStatus, Role, Rule};

/// An RFC 9457 problem document. `code` is stable and meant for programs (and
/// translation in the console); `detail` is for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: `code` carries the kind.
    #[serde(rename = "type")]
    #[schema(example = "about:blank")]
    pub problem_type: &'static str,
    /// The HTTP status text.
    pub title: String,
    pub status: u16,
    /// Stable snake_case code, e.g. `validation_failed`, `version_conflict`.
    pub code: ErrorCode,
    pub detail: String,
    /// True only when the same request may succeed later unchanged: a
    /// transient cause (429 rate limited, a full media store, a timeout, a
    /// server or outside-service fault). False for what the request itself
    /// must change (too large, wrong type, empty or broken file, invalid
    /// fields): a client offers "retry" only when this is true.
    pub retryable: bool,
    /// On 422 (and 400 where a field is known): every failing field with its rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// On 404 `not_found`: what was not found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
    /// On 409 `version_conflict`: the version now stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// On `platform_*` codes: the platform that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// On 409 `invalid_review_state` and `post_not_approved`: where the note stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_status: Option<ReviewStatus>,
    /// On 403 `forbidden`: the least role the operation needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_role: Option<Role>,
    /// On 409 `link_not_open_yet`: when the link opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    /// On 422 `schedule_infeasible`: every account the schedule has no room for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfalls: Option<Vec<ProblemShortfall>>,
    /// On 409 `campaign_state`: where the campaign stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_status: Option<xhs_domain::campaign::CampaignStatus>,
}

/// An account a campaign's schedule has no room for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemShortfall {
    pub account_id: i64,
    pub account_name: String,
    /// Slots the account needs (its notes in this campaign).
    pub needed: u32,
    /// Slots free for it (its other campaigns and robot tasks counted).
    pub available: u32,
    /// `needed - available`.
    pub lacking: u32,
}

impl From<&xhs_app::Shortfall> for ProblemShortfall {
    fn from(s: &xhs_app::Shortfall) -> Self {
        Self {
            account_id: s.account_id,
            account_name: s.account_name.clone(),
            needed: s.needed,
            available: s.available,
            lacking: s.needed.saturating_sub(s.available),
        }
    }
}

/// One failing field of a request: the domain's field error, which is also
/// the document's `ProblemField`.
pub type ProblemField = FieldError;

impl ApiError {
    /// The document this error answers with.
    pub(super) fn problem(&self) -> Problem {
        let status = self.status_code();
        let (errors, current_version) = match self {
            Self::Validation(v) => (Some(v.0.clone()), None),
            Self::BadRequest {
                field: Some(f),
                message,
            } => (
                Some(vec![FieldError::new(
                    f.clone(),
                    Rule::WellFormed,
                    message.clone(),
                )]),
                None,
            ),
            Self::VersionConflict { current_version } => (None, Some(*current_version)),
            Self::ScheduleInfeasible(short) => (
                Some(
                    short
                        .iter()
                        .map(|s| {
                            FieldError::new(
                                "schedule",
                                Rule::Range,
                                format!(
                                    "account {} ({}) needs {} slot(s); the schedule has {}",
                                    s.account_id, s.account_name, s.needed, s.available
                                ),
                            )
                            .counts(s.needed as usize, s.available as usize)
                        })
                        .collect(),
                ),
                None,
            ),
            _ => (None, None),
        };
        let resource = match self {
            Self::NotFound(r) => Some(*r),
            _ => None,
        };
        let detail = match self {
            Self::Validation(v) => {
                v.0.iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            // 5xx bodies never carry a cause, nor what an outside service
            // said (it may name internal hosts): the log has it, under the
            // request id of the x-request-id header.
            other => match public_detail(other) {
                Some(d) => d.to_owned(),
                None => other.to_string(),
            },
        };
        Problem {
            problem_type: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            code: self.code(),
            detail,
            retryable: self.retryable(),
            errors,
            resource,
            current_version,
            platform: match self {
                Self::Platform { platform, .. } => Some(*platform),
                _ => None,
            },
            review_status: match self {
                Self::InvalidReviewState { status, .. } | Self::PostNotApproved(status) => {
                    Some(*status)
                }
                _ => None,
            },
            required_role: match self {
                Self::Forbidden(r) => Some(*r),
                _ => None,
            },
            opens_at: match self {
                Self::LinkNotOpenYet(t) => Some(*t),
                _ => None,
            },
            shortfalls: match self {
                Self::ScheduleInfeasible(short) => Some(short.iter().map(Into::into).collect()),
                _ => None,
            },
            campaign_status: match self {
                Self::CampaignState { status, .. } => Some(*status),
                _ => None,
            },
        }
    }
}

/// What a person is told on a 5xx, in the share page's language: never the
/// cause (`None`: the message carries nothing internal).
fn public_detail(e: &ApiError) -> Option<&'static str> {
    Some(match e {
        ApiError::Internal(_) => "服务器内部错误，已记录，请稍后再试",
        ApiError::XhsRejected(_) => "小红书拒绝了签名请求，请联系管理员",
        ApiError::XhsUnavailable(_) | ApiError::XhsTimeout => "暂时连不上小红书，请稍后再试",
        ApiError::RobotsRejected(_) => "机器人服务商拒绝了请求，详情见服务器日志",
        ApiError::RobotsUnavailable(_) | ApiError::RobotsTimeout => {
            "暂时连不上机器人服务商，请稍后再试"
        }
        ApiError::DatabaseUnavailable => "数据库暂时不可用，请稍后再试",
        ApiError::EventQueueFull => "服务器繁忙，请稍后再试",
        ApiError::InsufficientStorage(_) => "媒体存储空间已满或只读，文件未保存，请联系管理员",
        _ => return None,
    })
}
