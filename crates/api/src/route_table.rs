//! The one table of routes, built once at start from the OpenAPI document:
//! (method, path pattern) -> who may call it. The auth middleware looks a
//! request up once; the 405 answer and the SPA fallback ask the same table
//! which methods a path has. Each operation's least role is the scope of its
//! bearer requirement (`security(("bearer" = ["operator"]))`), so the
//! document and what the server enforces cannot disagree. An operation with
//! no bearer requirement is public (share pages, login, the provider's
//! calls; `tests/api/teams/roles.rs` pins which ones); an operation naming
//! no single role, and an `/api/` path the document does not know, are for
//! `admin` only.
use crate::routing::{matches, template, Segment};
use crate::ApiError;
use actix_web::http::Method;
use xhs_domain::Role;

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without a token.
    Public,
    /// An operator whose role includes this one.
    Least(Role),
}

/// One documented operation (its path and scopes are read by the tests).
#[derive(Debug, Clone)]
#[cfg_attr(not(test), allow(dead_code))]
pub struct Route {
    pub method: &'static str,
    /// The documented path, e.g. `/api/posts/{id}/links`.
    pub path: String,
    pub(crate) template: Vec<Segment>,
    pub access: Access,
    /// Every scope of its security requirements (read by the tests).
    pub scopes: Vec<String>,
}

/// Every documented operation.
#[derive(Debug, Default)]
pub struct RouteTable(Vec<Route>);

/// The scopes of every security requirement of an operation, and whether
/// it names a scheme at all (the requirement's fields are private in
/// utoipa; its JSON is the document's anyway).
pub(crate) fn scopes(op: &utoipa::openapi::path::Operation) -> (bool, Vec<String>) {
    let reqs = serde_json::to_value(&op.security).unwrap_or_default();
    let reqs = reqs.as_array().cloned().unwrap_or_default();
    let named: Vec<_> = reqs
        .iter()
        .filter_map(|r| r.as_object())
        .filter(|r| !r.is_empty())
        .collect();
    let scopes = named
        .iter()
        .flat_map(|r| r.values())
        .filter_map(|v| v.as_array())
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    (!named.is_empty(), scopes)
}

fn split(path: &str) -> Vec<&str> {
    path.trim_start_matches('/').split('/').collect()
}

impl RouteTable {
    pub fn from_doc(doc: &utoipa::openapi::OpenApi) -> Self {
        let mut routes = Vec::new();
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
                let access = match (secured, scopes.as_slice()) {
                    (false, _) => Access::Public,
                    (true, [one]) => Access::Least(one.parse().unwrap_or(Role::Admin)),
                    (true, _) => Access::Least(Role::Admin),
                };
                routes.push(Route {
                    method,
                    path: path.clone(),
                    template: template(path),
                    access,
                    scopes,
                });
            }
        }
        Self(routes)
    }

    /// The operation a request reaches: the matching template with the most
    /// literal segments (`/a/b` before `/a/{id}`). HEAD reaches GET's.
    pub fn find(&self, method: &str, path: &str) -> Option<&Route> {
        let method = if method == "HEAD" { "GET" } else { method };
        let parts = split(path);
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

    /// Who may make this request. None when the path is documented but not
    /// with this method (no handler runs; a 405 follows). Paths outside
    /// `/api/` that the document does not know (the console, files) are
    /// public; unknown `/api/` paths are for admins.
    pub fn access(&self, method: &str, path: &str) -> Option<Access> {
        if let Some(op) = self.find(method, path) {
            return Some(op.access);
        }
        if self.allowed(path).is_some() {
            None
        } else if path.starts_with("/api/") {
            Some(Access::Least(Role::Admin))
        } else {
            Some(Access::Public)
        }
    }

    /// The methods `path` answers, when it is a documented path.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let parts = split(path);
        let mut found: Option<Vec<&'static str>> = None;
        for op in self.0.iter().filter(|o| matches(&o.template, &parts)) {
            let all = found.get_or_insert_with(Vec::new);
            let methods: &[&'static str] = match op.method {
                "GET" => &["GET", "HEAD"],
                _ => std::slice::from_ref(&op.method),
            };
            for m in methods {
                if !all.contains(m) {
                    all.push(m);
                }
            }
        }
        found
    }

    /// The answer to a request no route took: 405 when the path exists.
    pub fn method_not_allowed(&self, method: &Method, path: &str) -> Option<ApiError> {
        let mut allow = self.allowed(path)?;
        if allow.contains(&method.as_str()) {
            return None;
        }
        allow.push("OPTIONS");
        Some(ApiError::MethodNotAllowed {
            method: method.to_string(),
            allow: allow.join(", "),
        })
    }

    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = &Route> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RouteTable {
        RouteTable::from_doc(&crate::openapi())
    }

    #[test]
    fn a_known_path_lists_its_methods_with_head_for_get() {
        let allow = table().allowed("/api/posts/12").unwrap();
        for m in ["GET", "HEAD", "PUT", "DELETE"] {
            assert!(allow.contains(&m), "{allow:?}");
        }
        assert!(!allow.contains(&"POST"));
        assert!(table()
            .allowed("/media/ab/cd.jpg")
            .unwrap()
            .contains(&"GET"));
        assert_eq!(table().allowed("/api/nothing"), None);
        assert_eq!(table().allowed("/api/posts/12/nothing"), None);
    }

    #[test]
    fn only_a_method_the_path_lacks_is_405() {
        let r = table();
        assert!(r.method_not_allowed(&Method::GET, "/api/posts").is_none());
        let e = r
            .method_not_allowed(&Method::PATCH, "/api/posts/1")
            .unwrap();
        assert!(matches!(e, ApiError::MethodNotAllowed { ref allow, .. } if allow.contains("PUT")));
        assert!(r.method_not_allowed(&Method::TRACE, "/nowhere").is_none());
    }

    #[test]
    fn every_secured_operation_declares_exactly_one_role() {
        let mut seen = 0;
        for op in table().iter() {
            if op.access == Access::Public {
                assert!(op.scopes.is_empty(), "{} {}", op.method, op.path);
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
                op.scopes[0].parse::<Role>().is_ok(),
                "{} {}",
                op.method,
                op.path
            );
        }
        assert!(seen > 30, "{seen}");
    }

    #[test]
    fn reads_are_for_viewers_writes_for_operators_and_team_endpoints_for_admins() {
        let t = table();
        let least = |r| Some(Access::Least(r));
        assert_eq!(t.access("GET", "/api/posts/7"), least(Role::Viewer));
        assert_eq!(t.access("HEAD", "/api/posts/7"), least(Role::Viewer));
        assert_eq!(t.access("PUT", "/api/posts/7"), least(Role::Operator));
        assert_eq!(t.access("POST", "/api/preflight"), least(Role::Viewer));
        assert_eq!(
            t.access("GET", "/api/post/publish/7"),
            least(Role::Operator)
        );
        assert_eq!(t.access("GET", "/api/users"), least(Role::Admin));
        assert_eq!(t.access("DELETE", "/api/tokens/3"), least(Role::Admin));
        assert_eq!(t.access("GET", "/api/audit"), least(Role::Admin));
        assert_eq!(t.access("POST", "/api/auth/logout"), least(Role::Viewer));
        assert_eq!(t.access("GET", "/api/nothing/here"), least(Role::Admin));
        assert_eq!(t.access("PATCH", "/api/posts/7"), None, "a 405 follows");
    }

    #[test]
    fn share_pages_login_and_the_providers_calls_are_public_and_nothing_else_under_api() {
        let t = table();
        let public: Vec<String> = t
            .iter()
            .filter(|o| o.access == Access::Public && o.path.starts_with("/api/"))
            .map(|o| format!("{} {}", o.method, o.path))
            .collect();
        for p in &public {
            let path = p.split_once(' ').map_or("", |(_, p)| p);
            assert!(
                path == "/api/auth/login"
                    || path.starts_with("/api/share/")
                    || path == "/api/robots/callback"
                    || path == "/api/robots/events",
                "{p} is public"
            );
        }
        assert!(public.len() >= 6, "{public:?}");
        assert_eq!(t.access("GET", "/s/abc"), Some(Access::Public));
        assert_eq!(t.access("GET", "/assets/app.js"), Some(Access::Public));
    }
}
