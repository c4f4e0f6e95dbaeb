//! The `[media]` section: where uploads are stored and how large they may be.
use anyhow::Context;
use secrecy::SecretString;
use serde::Deserialize;
use std::path::PathBuf;
use xhs_media::{Limits, S3Config, StoreConfig};

/// `XHSPUB__MEDIA__BACKEND=s3`, `XHSPUB__MEDIA__S3_BUCKET=…` and so on.
/// `Debug` shows no secret (`SecretString`).
#[derive(Debug, Deserialize)]
pub struct MediaSettings {
    /// `local` (a directory) or `s3` (an S3-compatible bucket).
    pub backend: String,
    /// The local store; with `s3`, where uploads are spooled before they go up.
    pub dir: PathBuf,
    pub max_image_bytes: u64,
    pub max_video_bytes: u64,
    pub s3_bucket: Option<String>,
    /// e.g. `https://oss-cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:9000`;
    /// unset for AWS itself.
    pub s3_endpoint: Option<String>,
    pub s3_region: String,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<SecretString>,
    /// Allow a plain-http endpoint.
    pub s3_allow_http: bool,
    /// Bucket in the host name (Aliyun OSS and Tencent COS want it).
    pub s3_virtual_hosted_style: bool,
}

impl MediaSettings {
    pub fn limits(&self) -> Limits {
        Limits {
            max_image_bytes: self.max_image_bytes,
            max_video_bytes: self.max_video_bytes,
        }
    }

    /// Opens the configured store (creating the local directory).
    pub fn open_store(&self) -> anyhow::Result<xhs_media::MediaStore> {
        let config = self.store_config()?;
        let store = xhs_media::MediaStore::open(&config, self.limits())
            .with_context(|| format!("opening the media store ({})", self.backend))?;
        // Which bucket or folder, never the credentials.
        match &config {
            StoreConfig::Local { dir } => {
                tracing::info!(dir = %dir.display(), "media: local directory")
            }
            StoreConfig::S3 { s3, .. } => {
                tracing::info!(bucket = %s3.bucket, endpoint = ?s3.endpoint, "media: S3 bucket")
            }
        }
        Ok(store)
    }

    /// The store this section describes, or which key is missing.
    pub fn store_config(&self) -> anyhow::Result<StoreConfig> {
        match self.backend.trim() {
            "local" => Ok(StoreConfig::Local {
                dir: self.dir.clone(),
            }),
            "s3" => {
                let need = |v: &Option<String>, key: &str| {
                    v.clone().filter(|s| !s.trim().is_empty()).with_context(|| {
                        format!(
                            "media.backend = s3 needs media.{key} (XHSPUB__MEDIA__{})",
                            key.to_uppercase()
                        )
                    })
                };
                Ok(StoreConfig::S3 {
                    s3: S3Config {
                        bucket: need(&self.s3_bucket, "s3_bucket")?,
                        endpoint: self.s3_endpoint.clone(),
                        region: self.s3_region.clone(),
                        access_key_id: need(&self.s3_access_key_id, "s3_access_key_id")?,
                        secret_access_key: self
                            .s3_secret_access_key
                            .clone()
                            .context("media.backend = s3 needs media.s3_secret_access_key (XHSPUB__MEDIA__S3_SECRET_ACCESS_KEY)")?,
                        allow_http: self.s3_allow_http,
                        virtual_hosted_style: self.s3_virtual_hosted_style,
                    },
                    spool_dir: self.dir.join(".tmp"),
                })
            }
            other => anyhow::bail!("media.backend is '{other}'; use local or s3"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The settings with `overrides` in a `[media]` section of a config file.
    fn with(overrides: &str) -> MediaSettings {
        let name = format!("xhs-media-{}.toml", uuid::Uuid::new_v4().simple());
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, format!("[media]\n{overrides}")).unwrap();
        let settings = crate::config::Settings::load(Some(&path)).unwrap();
        let _ = std::fs::remove_file(&path);
        settings.media
    }

    #[test]
    fn the_default_is_a_local_directory_with_20_and_500_mb_limits() {
        let m = with("");
        assert!(
            matches!(m.store_config().unwrap(), StoreConfig::Local { dir } if dir.ends_with("data/media"))
        );
        assert_eq!(
            (m.limits().max_image_bytes, m.limits().max_video_bytes),
            (20_971_520, 524_288_000)
        );
    }

    #[test]
    fn s3_needs_a_bucket_and_credentials_and_never_shows_the_secret() {
        let err = with("backend = \"s3\"")
            .store_config()
            .unwrap_err()
            .to_string();
        assert!(err.contains("media.s3_bucket"), "{err}");
        let m = with(
            "backend = \"s3\"\ns3_bucket = \"b\"\ns3_access_key_id = \"id\"\ns3_secret_access_key = \"hunter2\"\ns3_endpoint = \"http://127.0.0.1:9000\"",
        );
        let config = m.store_config().unwrap();
        assert!(matches!(&config, StoreConfig::S3 { s3, .. } if s3.bucket == "b"));
        assert!(!format!("{m:?}{config:?}").contains("hunter2"));
    }
}
