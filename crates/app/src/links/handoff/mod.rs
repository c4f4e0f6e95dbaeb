//! The platform layer: which platforms a link offers, and how each one's
//! handout is made (XHS's signed payload, Douyin's signed schema, Weibo's share
//! URL, a copy kit). Adding a platform touches `xhs_domain::SharePlatform` and
//! a module here, not the handlers.
mod douyin;
mod kit;
pub mod status;
pub mod token_store;
mod weibo;
pub mod xhs;

pub use status::{handoff_now, list, PlatformStatus, TokenCheck, TokenFailure, TokenHealth};

use crate::links::cache::Resolution;
use crate::notes::posts;
use crate::{AppError, AppResult, Platform, Services};
use strum::IntoEnumIterator;
use xhs::SignedPayload;
use xhs_domain::{FieldError, Handoff, PlatformVerdict, PostDraft, Rule, SharePlatform};
use xhs_persistence::Post;

/// What a page gets to hand a note to one platform.
pub enum Handout {
    /// XHS: the payload for `xhs.share`.
    Sdk(SignedPayload),
    /// Douyin's schema or Weibo's share URL: the page navigates to it.
    Link {
        platform: SharePlatform,
        url: String,
    },
    /// Text to copy, media to save, and the app's scheme.
    Kit {
        platform: SharePlatform,
        url: String,
        text: String,
        media: Vec<String>,
    },
}

/// Whether the server has the credentials for this platform's own hand-off
/// (XHS: app key and secret; Douyin: client key and secret). The others
/// need none.
pub fn configured(s: &Services, p: SharePlatform) -> bool {
    match p {
        SharePlatform::Xhs => s.signer.is_configured(),
        SharePlatform::Douyin => s.douyin.is_configured(),
        _ => true,
    }
}

/// Whether a link may offer this platform: XHS always (without credentials
/// the page hands over a copy kit), the others when configured.
pub fn offerable(s: &Services, p: SharePlatform) -> bool {
    p == SharePlatform::Xhs || configured(s, p)
}

/// A link's platforms when the operator names none: every configured
/// platform the note passes, XHS first.
pub fn default_for(s: &Services, post: &Post) -> AppResult<Vec<SharePlatform>> {
    let draft = PostDraft::parse(&posts::raw(post))?;
    Ok(SharePlatform::iter()
        .filter(|p| offerable(s, *p) && PlatformVerdict::of(*p, Some(&draft)).ok)
        .collect())
}

/// Checks the platforms an operator chose for a link of `post`.
pub fn chosen(
    s: &Services,
    post: &Post,
    names: &[String],
) -> Result<Vec<SharePlatform>, Vec<FieldError>> {
    let draft = PostDraft::parse(&posts::raw(post)).ok();
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let field = format!("platforms[{i}]");
        match name.parse::<SharePlatform>() {
            Err(_) => errs.push(FieldError::new(
                &field,
                Rule::OneOf,
                format!("'{name}' is not a platform ({})", all_names()),
            )),
            Ok(p) if out.contains(&p) => errs.push(FieldError::new(
                &field,
                Rule::OneOf,
                format!("{p} is listed twice"),
            )),
            Ok(p) if !offerable(s, p) => errs.push(FieldError::new(
                &field,
                Rule::OneOf,
                format!("{p} is not configured on this server"),
            )),
            Ok(p) => match PlatformVerdict::of(p, draft.as_ref()) {
                v if v.ok => out.push(p),
                v => errs.push(FieldError::new(
                    &field,
                    Rule::OneOf,
                    format!(
                        "the note cannot go to {p}: {}",
                        v.checks
                            .iter()
                            .map(|c| c.message.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                )),
            },
        }
    }
    if names.is_empty() {
        errs.push(FieldError::new(
            "platforms",
            Rule::MinItems,
            "a link offers at least one platform",
        ));
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs)
    }
}

/// What identifies a link to a platform that reports back (Douyin's
/// `state`): derived from the token, so the token itself never leaves us.
fn state_of(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(token.as_bytes())[..8])
}

fn all_names() -> String {
    SharePlatform::iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the `platform` a page asks for (XHS when absent) among those the
/// link offers.
pub fn requested(name: Option<&str>, offered: &[SharePlatform]) -> AppResult<SharePlatform> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(SharePlatform::Xhs);
    };
    let refuse = |why: String| -> AppError { FieldError::new("platform", Rule::OneOf, why).into() };
    let p: SharePlatform = name
        .parse()
        .map_err(|_| refuse(format!("'{name}' is not a platform ({})", all_names())))?;
    if !offered.contains(&p) {
        return Err(refuse(format!("this link does not offer {p}")));
    }
    Ok(p)
}

/// The handout of a link's note (`found`, already checked: `note`) for
/// `platform`, reached through the link `token`.
pub async fn handout(
    s: &Services,
    found: &Resolution,
    note: &PostDraft,
    platform: SharePlatform,
    token: &str,
) -> AppResult<Handout> {
    Ok(match platform.handoff() {
        Handoff::Sdk => Handout::Sdk(xhs::payload(s, note).await?),
        Handoff::Schema => {
            let fields = found
                .douyin_fields
                .get_or_init(|| douyin::fields(note, &state_of(token)));
            Handout::Link {
                platform,
                url: douyin::schema(s, fields)
                    .await
                    .map_err(|e| AppError::platform(Platform::Douyin, e))?,
            }
        }
        Handoff::Url => Handout::Link {
            platform,
            url: weibo::share_url(s, note, token),
        },
        Handoff::CopyKit => kit::kit(platform, note),
    })
}
