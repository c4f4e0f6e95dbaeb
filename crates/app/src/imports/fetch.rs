//! `fetch_media=true`: a notes file's image, cover and video URLs are
//! downloaded into the media library so phones load this server's copies.
//! A download is an upload by another road: the same spool (size limits of
//! its kind, type by content, HEIC to JPEG) and the same full check
//! ([`xhs_media::probe`]). Only public addresses are fetched: the host is
//! resolved and every address checked (the request then goes to those
//! addresses only, so a name that rebinds cannot slip in), redirects are
//! followed by hand and each hop checked again; `imports.allow_private`
//! lifts this for intranets and tests, as `webhooks.allow_private` does.
use crate::webhooks::guard;
use crate::Services;
use std::time::Duration;
use xhs_media::{MediaError, Spooled};

/// How downloads are made (the `[imports]` settings).
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    /// One download, from the first byte asked to the last received.
    pub timeout: Duration,
    /// Private, loopback and link-local addresses may be fetched.
    pub allow_private: bool,
}

impl Default for FetchPolicy {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            allow_private: false,
        }
    }
}

/// Redirects followed before a download is refused.
const MAX_REDIRECTS: usize = 5;

/// Downloads `url` into a spool and checks it as an upload is checked. The
/// error is a sentence for the row's problem.
pub(super) async fn fetch(s: &Services, url: &str) -> Result<Spooled, String> {
    let p = &s.imports;
    match tokio::time::timeout(p.timeout, download(s, url, p.allow_private)).await {
        Ok(r) => r,
        Err(_) => Err(format!(
            "the download did not finish within {} s",
            p.timeout.as_secs()
        )),
    }
}

fn parse(url: &str) -> Result<url::Url, String> {
    let u = url::Url::parse(url.trim()).map_err(|_| "not an absolute http(s) URL".to_owned())?;
    if !matches!(u.scheme(), "http" | "https") || u.host().is_none() {
        return Err("not an absolute http(s) URL".into());
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err("a URL with a user or password is not fetched".into());
    }
    Ok(u)
}

async fn download(s: &Services, url: &str, allow_private: bool) -> Result<Spooled, String> {
    let mut u = parse(url)?;
    for _ in 0..=MAX_REDIRECTS {
        let addrs = guard::resolve(&u, allow_private)
            .await
            .map_err(|e| format!("not fetched: {e} (only public addresses are)"))?;
        let host = u.host_str().unwrap_or_default().to_owned();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .resolve_to_addrs(&host, &addrs)
            .user_agent("xhs-publisher-import/1")
            .build()
            .map_err(|_| "the download could not start".to_owned())?;
        let res = client.get(u.clone()).send().await.map_err(|e| {
            if e.is_connect() {
                "could not connect to the host".to_owned()
            } else {
                "the download failed".to_owned()
            }
        })?;
        let status = res.status();
        if status.is_redirection() {
            let next = res
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .and_then(|l| u.join(l).ok())
                .ok_or_else(|| format!("the host answered {status} without a usable Location"))?;
            u = parse(next.as_str())?;
            continue;
        }
        if !status.is_success() {
            return Err(format!("the host answered {status}"));
        }
        return spool(s, res).await;
    }
    Err(format!("more than {MAX_REDIRECTS} redirects"))
}

/// Streams the body into the library's spool and checks it in full.
async fn spool(s: &Services, mut res: reqwest::Response) -> Result<Spooled, String> {
    let mut spool = s.media.spool().await.map_err(words)?;
    loop {
        match res.chunk().await {
            Ok(Some(chunk)) => spool.write(&chunk).await.map_err(words)?,
            Ok(None) => break,
            Err(_) => return Err("the download broke off".into()),
        }
    }
    let spooled = spool.finish().await.map_err(words)?;
    let (path, sniffed) = (spooled.path, spooled.sniffed);
    let (probed, path) =
        tokio::task::spawn_blocking(move || (xhs_media::probe(&path, &sniffed), path))
            .await
            .map_err(|_| "the file could not be checked".to_owned())?;
    probed.map_err(words)?;
    Ok(Spooled { path, ..spooled })
}

/// A media refusal as the row's problem says it.
fn words(e: MediaError) -> String {
    match e {
        MediaError::Unsupported(m) | MediaError::Undecodable(m) => m,
        MediaError::TooLarge { .. } | MediaError::Empty | MediaError::HeicUndecodable(_) => {
            e.to_string()
        }
        MediaError::Full(_) => "the media store is full: nothing was kept".into(),
        MediaError::Storage(_) | MediaError::Io(_) => "the file could not be kept".into(),
    }
}
