use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The document's frame; paths are added by `utoipa_actix_web` as routes register.
#[derive(OpenApi)]
#[openapi(
    info(title = "xhs-publisher", description = "Drafts for XiaoHongShu, checked against its rules, and signed payloads for its share SDK."),
    components(schemas(crate::Problem, crate::error::ProblemField)),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Operator login"),
        (name = "posts", description = "Drafts (the x_post table) and XHS pre-flight checks"),
        (name = "publish", description = "The article's preview and signed-publish endpoints"),
        (name = "links", description = "Share links and their QR codes"),
        (name = "share", description = "The public side of a share link: no login"),
        (name = "accounts", description = "XHS accounts and their publish records"),
        (name = "stats", description = "What happened on share pages"),
        (name = "media", description = "The media library: uploads, and the public files at /media/ that posts point at"),
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

/// Every operation can answer 400: a malformed path parameter, query or body
/// is refused before the handler runs. Declared once here, not on each path;
/// applied after the routes have added their paths.
pub struct MalformedRequests;

impl Modify for MalformedRequests {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = ResponseBuilder::new()
            .description("malformed path parameter, query or body (`bad_request`)")
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build();
        for item in openapi.paths.paths.values_mut() {
            let ops = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for op in ops.into_iter().flatten() {
                op.responses
                    .responses
                    .entry("400".to_owned())
                    .or_insert_with(|| problem.clone().into());
            }
        }
    }
}
