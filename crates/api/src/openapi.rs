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
