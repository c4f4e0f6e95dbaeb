//! Who may call what. The OpenAPI document states each operation's least
//! role as the scope of its bearer requirement (`security(("bearer" =
//! ["operator"]))`); this table, built from that very document, is what the
//! server enforces, so the two cannot disagree. Deny by default: an operation
//! without a role scope, or a path the document does not know, is for
//! `admin` only.
use crate::routing::{matches, template, Segment};
use xhs_domain::Role;

/// One documented operation (its path and scopes are read by the tests).
#[derive(Debug, Clone)]
#[cfg_attr(not(test), allow(dead_code))]
pub struct Operation {
    pub method: &'static str,
    /// The documented path, e.g. `/api/posts/{id}/links`.
    pub path: String,
    pub(crate) template: Vec<Segment>,
    /// The role its bearer requirement names; None when it names none (or
    /// when the operation is public).
    pub role: Option<Role>,
    /// Its security requirements name a scheme at all.
    pub secured: bool,
    /// Every scope of its security requirements.
    pub scopes: Vec<String>,
    /// The operation's summary (the first line of its doc comment).
    pub summary: Option<String>,
}

/// Every documented operation.
#[derive(Debug, Default)]
pub struct Operations(Vec<Operation>);

/// The scopes of every security requirement of an operation, and whether
/// it has any requirement (the requirement's fields are private in utoipa;
/// its JSON is the document's anyway).
pub(crate) fn scopes(op: &utoipa::openapi::path::Operation) -> (bool, Vec<String>) {
    let reqs = serde_json::to_value(&op.security).unwrap_or_default();
    let reqs = reqs.as_array().cloned().unwrap_or_default();
    let scopes = reqs
        .iter()
        .filter_map(|r| r.as_object())
        .flat_map(|r| r.values())
        .filter_map(|v| v.as_array())
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    (!reqs.is_empty(), scopes)
}

impl Operations {
    pub fn from_doc(doc: &utoipa::openapi::OpenApi) -> Self {
        let mut ops = Vec::new();
        for (path, item) in &doc.paths.paths {
            for (method, op) in [
                ("GET", &item.get),
                ("PUT", &item.put),
                ("POST", &item.post),
                ("DELETE", &item.delete),
                ("PATCH", &item.patch),
            ] {
                let Some(op) = op else { continue };
                let (secured, scopes) = scopes(op);
                // Exactly one role, or none at all (a test keeps it so).
                let role = match scopes.as_slice() {
                    [one] => one.parse().ok(),
                    _ => None,
                };
                ops.push(Operation {
                    method,
                    path: path.clone(),
                    template: template(path),
                    role,
                    secured,
                    scopes,
                    summary: op.summary.clone(),
                });
            }
        }
        Self(ops)
    }

    /// The operation a request reaches: the matching template with the most
    /// literal segments (`/a/b` before `/a/{id}`).
    pub fn find(&self, method: &str, path: &str) -> Option<&Operation> {
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        self.0
            .iter()
            .filter(|o| o.method == method && matches(&o.template, &parts))
            .max_by_key(|o| {
                o.template
                    .iter()
                    .filter(|s| matches!(s, Segment::Literal(_)))
                    .count()
            })
    }

    /// The least role a request needs: its operation's, `admin` when the
    /// operation names none or the path is unknown. None when the path is
    /// documented but not with this method: no handler runs, a 405 follows.
    pub fn required_role(&self, method: &str, path: &str) -> Option<Role> {
        if let Some(op) = self.find(method, path) {
            return Some(op.role.unwrap_or(Role::Admin));
        }
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        if self.0.iter().any(|o| matches(&o.template, &parts)) {
            None
        } else {
            Some(Role::Admin)
        }
    }

    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = &Operation> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_public_operation_declares_exactly_one_role_and_public_ones_none() {
        let ops = Operations::from_doc(&crate::openapi());
        let mut seen = 0;
        for op in ops.iter() {
            if crate::auth::is_public(&op.path) {
                assert!(!op.secured, "{} {} is public", op.method, op.path);
                continue;
            }
            seen += 1;
            assert_eq!(
                op.scopes.len(),
                1,
                "{} {}: {:?}",
                op.method,
                op.path,
                op.scopes
            );
            assert!(
                op.role.is_some(),
                "{} {}: {:?}",
                op.method,
                op.path,
                op.scopes
            );
        }
        assert!(seen > 30, "{seen}");
    }

    #[test]
    fn reads_are_for_viewers_writes_for_operators_and_team_endpoints_for_admins() {
        let ops = Operations::from_doc(&crate::openapi());
        let role = |m, p| ops.required_role(m, p);
        assert_eq!(role("GET", "/api/posts/7"), Some(Role::Viewer));
        assert_eq!(role("PUT", "/api/posts/7"), Some(Role::Operator));
        assert_eq!(role("POST", "/api/preflight"), Some(Role::Viewer));
        assert_eq!(role("GET", "/api/post/publish/7"), Some(Role::Operator));
        assert_eq!(role("GET", "/api/users"), Some(Role::Admin));
        assert_eq!(role("DELETE", "/api/tokens/3"), Some(Role::Admin));
        assert_eq!(role("GET", "/api/audit"), Some(Role::Admin));
        assert_eq!(role("POST", "/api/auth/logout"), Some(Role::Viewer));
        assert_eq!(role("GET", "/api/nothing/here"), Some(Role::Admin));
        assert_eq!(role("PATCH", "/api/posts/7"), None, "a 405 follows");
    }
}
