use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The document's frame; paths are added by `utoipa_actix_web` as routes register.
#[derive(OpenApi)]
#[openapi(
    info(title = "xhs-publisher", description = "Drafts for XiaoHongShu, checked against its rules, and signed payloads for its share SDK."),
    components(schemas(crate::Problem, crate::error::ProblemField, xhs_domain::webhook::WebhookEvent, xhs_domain::ExportFormat)),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Operator login"),
        (name = "team", description = "Users and their roles, API tokens for integrators, and the audit log (admin only)"),
        (name = "posts", description = "Drafts (the x_post table) and XHS pre-flight checks"),
        (name = "publish", description = "The article's preview and signed-publish endpoints"),
        (name = "links", description = "Share links and their QR codes"),
        (name = "share", description = "The public side of a share link: no login"),
        (name = "accounts", description = "XHS accounts and their publish records"),
        (name = "groups", description = "Groups of accounts (班级, 分组); an account may be in several"),
        (name = "campaigns", description = "Campaigns: many notes to many accounts over days, planned inside a schedule, launched as links and robot tasks"),
        (name = "imports", description = "Notes and rosters from Excel or CSV, and the templates to fill in"),
        (name = "stats", description = "What happened on share pages"),
        (name = "platforms", description = "Each platform's hand-off on this server and whether its credentials work"),
        (name = "media", description = "The media library: uploads, and the public files at /media/ that posts point at"),
        (name = "robots", description = "Robot accounts driven by the provider (XHS_FACTS section 5)"),
        (name = "webhooks", description = "Signed webhooks (Standard Webhooks) for integrators; the delivery body is the WebhookEvent schema (admin only)"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Answers any operation can give before (or besides) its handler, declared
/// once here, not on each path; applied after the routes have added theirs:
/// 400 for a malformed path parameter, query or body; 422 for a control
/// character in a query or body; 413 for a body over its limit; 503 when the
/// database does not answer.
pub struct MalformedRequests;

impl Modify for MalformedRequests {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let ops = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for op in ops.into_iter().flatten() {
                let has_query = op
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| p.parameter_in == ParameterIn::Query);
                let has_body = op.request_body.is_some();
                let mut add = |code: &str, description: &str| {
                    op.responses
                        .responses
                        .entry(code.to_owned())
                        .or_insert_with(|| problem(description).into());
                };
                add(
                    "400",
                    "malformed path parameter, query or body (`bad_request`)",
                );
                if has_query || has_body {
                    add("422", "a field breaks a rule, e.g. holds a control character (`validation_failed`)");
                }
                if has_body {
                    add(
                        "413",
                        "the body is over this endpoint's limit (`payload_too_large`)",
                    );
                }
                if path != "/healthz" {
                    add(
                        "503",
                        "the database does not answer (`database_unavailable`)",
                    );
                }
            }
        }
    }
}

/// Every operation whose role is above `viewer` can answer 403
/// `forbidden`, naming the role (the scope of its bearer requirement);
/// declared here from the scope, so the document states each role once.
pub struct RoleRefusals;

impl Modify for RoleRefusals {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        for item in openapi.paths.paths.values_mut() {
            let ops = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for op in ops.into_iter().flatten() {
                let (_, scopes) = crate::route_table::scopes(op);
                let Some(role) = scopes.first().filter(|r| r.as_str() != "viewer") else {
                    continue;
                };
                let refusal = ResponseBuilder::new()
                    .description(format!(
                        "the caller's role is below `{role}` (`forbidden`, with `required_role`)"
                    ))
                    .content(
                        "application/problem+json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    )
                    .build();
                op.responses
                    .responses
                    .entry("403".to_owned())
                    .or_insert_with(|| refusal.into());
            }
        }
    }
}

/// Text the server takes holds no control character but tab and line
/// breaks (`xhs_domain::forbidden_control`): every string of a request body
/// and every string query parameter says so with this pattern.
pub const TEXT_PATTERN: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

/// Adds [`TEXT_PATTERN`] to the strings of request bodies (the schemas named
/// `*Input`, `*Request`, `*Update`) and of query parameters.
pub struct TextDiscipline;

impl Modify for TextDiscipline {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        if let Some(components) = openapi.components.as_mut() {
            for (name, schema) in components.schemas.iter_mut() {
                if name == "ImageUrls"
                    || ["Input", "Request", "Update"]
                        .iter()
                        .any(|s| name.ends_with(s))
                {
                    add_pattern(schema);
                }
            }
        }
        for item in openapi.paths.paths.values_mut() {
            let ops = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ];
            for op in ops.into_iter().flatten() {
                for p in op.parameters.iter_mut().flatten() {
                    if p.parameter_in == ParameterIn::Query {
                        if let Some(s) = p.schema.as_mut() {
                            add_pattern(s);
                        }
                    }
                }
            }
        }
    }
}

fn add_pattern(schema: &mut utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>) {
    use utoipa::openapi::schema::{ArrayItems, Schema, SchemaType, Type};
    use utoipa::openapi::RefOr;
    let RefOr::T(schema) = schema else { return };
    match schema {
        Schema::Object(o) => {
            let is_string = match &o.schema_type {
                SchemaType::Type(t) => *t == Type::String,
                SchemaType::Array(ts) => ts.contains(&Type::String),
                SchemaType::AnyValue => false,
            };
            if is_string && o.enum_values.is_none() && o.format.is_none() && o.pattern.is_none() {
                o.pattern = Some(TEXT_PATTERN.to_owned());
            }
            for p in o.properties.values_mut() {
                add_pattern(p);
            }
        }
        Schema::Array(a) => {
            if let ArrayItems::RefOrSchema(items) = &mut a.items {
                add_pattern(items);
            }
        }
        Schema::OneOf(one) => one.items.iter_mut().for_each(add_pattern),
        Schema::AllOf(all) => all.items.iter_mut().for_each(add_pattern),
        Schema::AnyOf(any) => any.items.iter_mut().for_each(add_pattern),
        _ => {}
    }
}

/// Operations that need no login say so (`security: []`, not a missing
/// list that linters and generated clients read as "unknown"), and the
/// document names its server: the relative root, wherever it is served.
pub struct PublicAndServers;

impl Modify for PublicAndServers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        openapi.servers = Some(vec![utoipa::openapi::server::Server::new("/")]);
        for item in openapi.paths.paths.values_mut() {
            let ops = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
                &mut item.head,
            ];
            for op in ops.into_iter().flatten() {
                op.security.get_or_insert_with(Vec::new);
            }
        }
    }
}

#[cfg(test)]
mod document_tests {
    /// Generated clients read a schema to decide how to decode an answer: a
    /// file must be `string`/`binary`, never an array of numbers or text.
    #[test]
    fn every_answer_that_is_not_json_is_a_binary_string() {
        let doc = serde_json::to_value(crate::openapi()).unwrap();
        let schemas = &doc["components"]["schemas"];
        let mut seen = 0;
        for (path, ops) in doc["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                let responses = op["responses"].as_object().into_iter().flatten();
                for (code, r) in responses {
                    let content = r["content"].as_object().into_iter().flatten();
                    for (media, c) in content.filter(|(m, _)| !m.contains("json")) {
                        let mut schema = &c["schema"];
                        if let Some(name) = schema["$ref"].as_str() {
                            schema = &schemas[name.rsplit('/').next().unwrap()];
                        }
                        let at = format!("{method} {path} {code} {media}");
                        assert_eq!(schema["type"], "string", "{at}");
                        assert_eq!(schema["format"], "binary", "{at}");
                        seen += 1;
                    }
                }
            }
        }
        assert!(seen >= 2, "the QR codes at least: {seen}");
    }
}
