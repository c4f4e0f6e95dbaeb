//! What `GET /api/share/{token}/publish` answers, tagged by its hand-off so a
//! page reads `handoff` instead of guessing the kind from the fields.
use std::borrow::Cow;

use serde::Serialize;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{AllOfBuilder, Discriminator, ObjectBuilder, OneOfBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};
use xhs_domain::{Handoff, SharePlatform};

use super::publish::PublishPayload;

/// Douyin's signed schema or Weibo's share page: the page navigates to `url`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlatformLink {
    pub platform: SharePlatform,
    /// Douyin: the signed `snssdk1128://` schema (signed per call: never
    /// cache it); Weibo: its share URL.
    pub url: String,
}

/// Text to copy, media to save, and the app's scheme (platforms without a
/// share API).
#[derive(Debug, Serialize, ToSchema)]
pub struct CopyKit {
    pub platform: SharePlatform,
    /// The app's scheme, opened once the text is copied.
    pub url: String,
    /// The text to paste.
    pub text: String,
    /// The media to save, video first.
    pub media: Vec<String>,
}

/// What `GET /api/share/{token}/publish` answers, by `handoff` (the
/// platform's `Handoff`): `sdk`, XHS's payload for `xhs.share`; `schema` or
/// `url`, where to navigate; `copy_kit`, what to copy and save. Each keeps the
/// fields it had before the tag was added.
#[derive(Debug, Serialize)]
#[serde(tag = "handoff", rename_all = "snake_case")]
pub enum ShareHandout {
    Sdk(PublishPayload),
    Schema(PlatformLink),
    Url(PlatformLink),
    CopyKit(CopyKit),
}

impl From<xhs_app::links::handoff::Handout> for ShareHandout {
    fn from(h: xhs_app::links::handoff::Handout) -> Self {
        use xhs_app::links::handoff::Handout;
        match h {
            Handout::Sdk(p) => Self::Sdk(p.into()),
            Handout::Link { platform, url } => {
                let link = PlatformLink { platform, url };
                match platform.handoff() {
                    Handoff::Url => Self::Url(link),
                    _ => Self::Schema(link),
                }
            }
            Handout::Kit {
                platform,
                url,
                text,
                media,
            } => Self::CopyKit(CopyKit {
                platform,
                url,
                text,
                media,
            }),
        }
    }
}

/// Each tag's component: its name, and the schema it adds `handoff` to.
fn variant(handoff: Handoff) -> (&'static str, RefOr<Schema>, Cow<'static, str>) {
    match handoff {
        Handoff::Sdk => (
            "SdkHandout",
            PublishPayload::schema(),
            PublishPayload::name(),
        ),
        Handoff::Schema => (
            "SchemaHandout",
            PlatformLink::schema(),
            PlatformLink::name(),
        ),
        Handoff::Url => ("UrlHandout", PlatformLink::schema(), PlatformLink::name()),
        Handoff::CopyKit => ("CopyKitHandout", CopyKit::schema(), CopyKit::name()),
    }
}

const ALL: [Handoff; 4] = [
    Handoff::Sdk,
    Handoff::Schema,
    Handoff::Url,
    Handoff::CopyKit,
];

impl PartialSchema for ShareHandout {
    /// A oneOf discriminated by `handoff`, one component per value.
    fn schema() -> RefOr<Schema> {
        let mut discriminator = Discriminator::new("handoff");
        let mut one_of = OneOfBuilder::new().description(Some(
            "What the page gets to hand the note over, by `handoff`: `sdk`, XHS's \
             payload for `xhs.share`; `schema` or `url`, where to navigate; \
             `copy_kit`, what to copy and save and the app to open.",
        ));
        for handoff in ALL {
            let (name, _, _) = variant(handoff);
            one_of = one_of.item(Ref::from_schema_name(name));
            discriminator.mapping.insert(
                handoff.as_str().to_owned(),
                format!("#/components/schemas/{name}"),
            );
        }
        one_of.discriminator(Some(discriminator)).into()
    }
}

impl ToSchema for ShareHandout {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ShareHandout")
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        for handoff in ALL {
            let (name, body, body_name) = variant(handoff);
            // The vocabulary's enum, pinned to this variant's value (JSON
            // Schema's `const`, which utoipa has no builder for): validators
            // ignore the discriminator, and without the pin a Douyin answer
            // would match both `schema` and `url`, which oneOf forbids.
            let pinned = AllOfBuilder::new()
                .item(Ref::from_schema_name(Handoff::name()))
                .extensions(Some(Extensions::from_iter([("const", handoff.as_str())])));
            let tag = ObjectBuilder::new()
                .property("handoff", pinned)
                .required("handoff");
            let tagged = AllOfBuilder::new()
                .item(Ref::from_schema_name(body_name.clone()))
                .item(tag);
            schemas.push((name.to_owned(), tagged.into()));
            schemas.push((body_name.into_owned(), body));
        }
        schemas.push((Handoff::name().into_owned(), Handoff::schema()));
        PublishPayload::schemas(schemas);
        PlatformLink::schemas(schemas);
        CopyKit::schemas(schemas);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use xhs_domain::IntoEnumIterator;

    #[test]
    fn every_handoff_has_a_variant_and_the_tag_is_its_name() {
        assert_eq!(ALL.to_vec(), Handoff::iter().collect::<Vec<_>>());
        let link = |platform| PlatformLink {
            platform,
            url: "u".into(),
        };
        let tags = [
            ShareHandout::Schema(link(SharePlatform::Douyin)),
            ShareHandout::Url(link(SharePlatform::Weibo)),
            ShareHandout::CopyKit(CopyKit {
                platform: SharePlatform::Kuaishou,
                url: "kwai://home".into(),
                text: "t".into(),
                media: vec![],
            }),
        ]
        .map(|h| serde_json::to_value(h).unwrap()["handoff"].clone());
        assert_eq!(
            tags,
            ["schema", "url", "copy_kit"].map(serde_json::Value::from)
        );
    }

    #[test]
    fn each_variant_schema_pins_its_tag_so_exactly_one_matches() {
        let mut schemas = Vec::new();
        ShareHandout::schemas(&mut schemas);
        for handoff in ALL {
            let (name, _, _) = variant(handoff);
            let (_, schema) = schemas.iter().find(|(n, _)| n == name).unwrap();
            let json = serde_json::to_value(schema).unwrap();
            let tag = &json["allOf"][1]["properties"]["handoff"];
            assert_eq!(tag["const"], handoff.as_str(), "{name}: {json}");
            assert_eq!(tag["allOf"][0]["$ref"], "#/components/schemas/Handoff");
        }
        let one_of = serde_json::to_value(ShareHandout::schema()).unwrap();
        assert_eq!(one_of["discriminator"]["propertyName"], "handoff");
        assert_eq!(
            one_of["discriminator"]["mapping"]["copy_kit"],
            "#/components/schemas/CopyKitHandout"
        );
    }
}
