//! The document's `webhooks` section (OpenAPI 3.1): what this server POSTs to
//! an integrator's endpoint, so the body's schema (`WebhookEvent`, one data
//! schema per `type`) is referenced where a reader and a generator look for
//! it. utoipa has no field for the section, so it is added beside the
//! document's own fields (its extensions are written at the top level),
//! built from utoipa's own types.
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::{ContentBuilder, PathItem, Ref, Required, ResponseBuilder};
use utoipa::Modify;

pub struct WebhooksSection;

fn header(name: &str, description: &str) -> utoipa::openapi::path::Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Header)
        .required(Required::True)
        .description(Some(description))
        .schema(Some(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String),
        ))
        .build()
}

impl Modify for WebhooksSection {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let op = OperationBuilder::new()
            .tag("webhooks")
            .operation_id(Some("webhook_event"))
            .summary(Some("An event, POSTed to each subscribed endpoint"))
            .description(Some(
                "Standard Webhooks: verify `webhook-signature` over `{webhook-id}.{webhook-timestamp}.{body}` \
                 with the endpoint's secret, and de-duplicate by `webhook-id` (the same on every retry).",
            ))
            .parameter(header("webhook-id", "`msg_…`, the same on every attempt of one delivery"))
            .parameter(header("webhook-timestamp", "seconds since the epoch, of this attempt"))
            .parameter(header(
                "webhook-signature",
                "`v1,<base64 HMAC-SHA256>`; two, space separated, for 24 hours after a secret rotation",
            ))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(Required::True))
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("WebhookEvent")))
                            .build(),
                    )
                    .build(),
            ))
            .response(
                "2XX",
                ResponseBuilder::new()
                    .description("received; any other answer, or none within the timeout, is retried")
                    .build(),
            )
            .securities(Some(Vec::<utoipa::openapi::security::SecurityRequirement>::new()))
            .build();
        let item = PathItem::new(HttpMethod::Post, op);
        let Ok(item) = serde_json::to_value(item) else {
            return;
        };
        let section = serde_json::json!({ "webhook_event": item });
        openapi
            .extensions
            .get_or_insert_with(Extensions::default)
            .insert("webhooks".to_owned(), section);
    }
}
