//! The audit log's one mechanism for writes: every successful POST, PUT and
//! DELETE under `/api/` leaves exactly one entry, whoever wrote the handler.
//! The path says what it was about: the resource (`posts` -> `post`), the
//! path's id (or the created object's), and the action (the literal segment
//! after the id: `submit`, `links` -> `link`, `request-changes` ->
//! `request_changes`; else the method: `create`, `update`, `delete`).
//! Public calls (share pages, provider callbacks) and the check-only
//! preflight are not recorded. Logins are recorded by the login handler.
use crate::access::Operations;
use crate::auth::{is_public, Operator};
use crate::ratelimit::ShareLimits;
use crate::routing::Segment;
use crate::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};
use xhs_app::audit::NewEntry;
use xhs_domain::{AuditAction, AuditTarget};

/// What a handler may tell the audit log beyond the path: the id of the
/// object it created, and a short detail (never a secret).
#[derive(Debug, Clone, Default)]
pub struct AuditNote {
    pub target_id: Option<i64>,
    pub detail: Option<String>,
}

impl AuditNote {
    /// Puts the note on the answer, where the middleware reads it.
    pub fn attach(self, res: &mut HttpResponse) {
        res.extensions_mut().insert(self);
    }
}

/// What an entry records about a write, from its method and path alone.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Planned {
    pub action: AuditAction,
    pub target_type: Option<AuditTarget>,
    pub target_id: Option<i64>,
}

fn target_of(resource: &str) -> Option<AuditTarget> {
    Some(match resource {
        "posts" | "post" => AuditTarget::Post,
        "links" => AuditTarget::Link,
        "accounts" => AuditTarget::Account,
        "media" => AuditTarget::Media,
        "users" => AuditTarget::User,
        "tokens" => AuditTarget::Token,
        "robots" => AuditTarget::Robot,
        "tasks" => AuditTarget::Task,
        "records" => AuditTarget::Record,
        "groups" => AuditTarget::Group,
        _ => return None,
    })
}

fn action_of(segment: &str) -> Option<AuditAction> {
    match segment {
        "links" => Some(AuditAction::Link),
        s => s.replace('-', "_").parse().ok(),
    }
}

/// The rule for a write to `parts` (the request path's segments) through
/// the documented `template`; None for what is not recorded.
pub(crate) fn plan(method: &Method, template: &[Segment], parts: &[&str]) -> Option<Planned> {
    let by_method = match *method {
        Method::POST => AuditAction::Create,
        Method::PUT => AuditAction::Update,
        Method::DELETE => AuditAction::Delete,
        _ => return None,
    };
    if parts.first() != Some(&"api") || parts.last() == Some(&"preflight") {
        return None;
    }
    let first_param = template
        .iter()
        .position(|s| !matches!(s, Segment::Literal(_)));
    let target_id = first_param.and_then(|i| parts.get(i)?.parse().ok());
    // The last literal after the id; without an id, the one after the resource.
    let after = first_param.map_or(2, |i| i + 1);
    let verb = template.iter().skip(after).rev().find_map(|s| match s {
        Segment::Literal(l) => Some(l.as_str()),
        _ => None,
    });
    Some(Planned {
        action: verb.and_then(action_of).unwrap_or(by_method),
        target_type: parts.get(1).and_then(|r| target_of(r)),
        target_id,
    })
}

/// The id at the end of a `Location` header (`/api/posts/12`).
fn location_id<B>(res: &HttpResponse<B>) -> Option<i64> {
    let loc = res.headers().get(header::LOCATION)?.to_str().ok()?;
    loc.rsplit('/').next()?.parse().ok()
}

/// Middleware: after a successful write, and before it is answered, tells
/// the share-link cache (any console write may change what a link resolves
/// to: an edit, a review step, a revocation) and appends the audit entry.
pub async fn record_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let method = req.method().clone();
    let routed = req.match_info().as_str().to_owned();
    let is_write = matches!(method, Method::POST | Method::PUT | Method::DELETE);
    let res = next.call(req).await?;
    if is_write && !is_public(&routed) && res.status().is_success() {
        if let Some(state) = res.request().app_data::<web::Data<AppState>>() {
            state.app.link_cache.changed().await;
        }
        record(&res, &method, &routed).await;
    }
    Ok(res)
}

async fn record<B>(res: &ServiceResponse<B>, method: &Method, path: &str) {
    let http = res.request();
    let (Some(state), Some(ops), Some(limits)) = (
        http.app_data::<web::Data<AppState>>(),
        http.app_data::<web::Data<Operations>>(),
        http.app_data::<web::Data<ShareLimits>>(),
    ) else {
        return;
    };
    let Some(op) = ops.find(method.as_str(), path) else {
        return;
    };
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let Some(plan) = plan(method, &op.template, &parts) else {
        return;
    };
    let Some(actor) = http.extensions().get::<Operator>().cloned() else {
        return;
    };
    let note = res.response().extensions().get::<AuditNote>().cloned();
    let note = note.unwrap_or_default();
    let entry = NewEntry {
        actor: actor.username.clone(),
        actor_kind: actor.kind,
        action: plan.action,
        target_type: plan.target_type,
        target_id: plan
            .target_id
            .or(note.target_id)
            .or_else(|| location_id(res.response())),
        client_ip: Some(limits.client(http)),
        detail: note.detail.or_else(|| op.summary.clone()),
    };
    if let Err(e) = xhs_app::audit::record(&state.app, &entry).await {
        tracing::error!(error = %e, action = %entry.action, "audit entry not written");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::template;

    fn planned(method: Method, doc_path: &str, path: &str) -> Option<Planned> {
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        plan(&method, &template(doc_path), &parts)
    }

    fn p(action: AuditAction, t: Option<AuditTarget>, id: Option<i64>) -> Option<Planned> {
        Some(Planned {
            action,
            target_type: t,
            target_id: id,
        })
    }

    #[test]
    fn the_path_names_target_and_action_and_the_method_fills_in() {
        use AuditAction as A;
        use AuditTarget as T;
        let cases = [
            (
                Method::POST,
                "/api/posts",
                "/api/posts",
                p(A::Create, Some(T::Post), None),
            ),
            (
                Method::PUT,
                "/api/posts/{id}",
                "/api/posts/4",
                p(A::Update, Some(T::Post), Some(4)),
            ),
            (
                Method::DELETE,
                "/api/tokens/{id}",
                "/api/tokens/9",
                p(A::Delete, Some(T::Token), Some(9)),
            ),
            (
                Method::POST,
                "/api/posts/{id}/links",
                "/api/posts/4/links",
                p(A::Link, Some(T::Post), Some(4)),
            ),
            (
                Method::POST,
                "/api/links/{id}/revoke",
                "/api/links/2/revoke",
                p(A::Revoke, Some(T::Link), Some(2)),
            ),
            (
                Method::POST,
                "/api/posts/{id}/submit",
                "/api/posts/4/submit",
                p(A::Submit, Some(T::Post), Some(4)),
            ),
            (
                Method::POST,
                "/api/posts/{id}/request-changes",
                "/api/posts/4/request-changes",
                p(A::RequestChanges, Some(T::Post), Some(4)),
            ),
            (
                Method::POST,
                "/api/posts/{id}/versions/{version}/restore",
                "/api/posts/4/versions/2/restore",
                p(A::Restore, Some(T::Post), Some(4)),
            ),
            (
                Method::PUT,
                "/api/records/{id}/confirm",
                "/api/records/3/confirm",
                p(A::Confirm, Some(T::Record), Some(3)),
            ),
            (
                Method::POST,
                "/api/robots/sync",
                "/api/robots/sync",
                p(A::Sync, Some(T::Robot), None),
            ),
            (
                Method::POST,
                "/api/auth/logout",
                "/api/auth/logout",
                p(A::Logout, None, None),
            ),
        ];
        for (method, doc, path, want) in cases {
            assert_eq!(planned(method, doc, path), want, "{doc}");
        }
    }

    #[test]
    fn reads_and_check_only_calls_are_not_recorded() {
        assert_eq!(
            planned(Method::GET, "/api/posts/{id}", "/api/posts/1"),
            None
        );
        assert_eq!(
            planned(Method::POST, "/api/preflight", "/api/preflight"),
            None
        );
        assert_eq!(planned(Method::POST, "/healthz", "/healthz"), None);
    }
}
