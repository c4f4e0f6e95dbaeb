use crate::MediaKind;
use secrecy::SecretString;
use std::path::PathBuf;

/// Largest upload per kind, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_image_bytes: u64,
    pub max_video_bytes: u64,
}

impl Limits {
    /// The limit of one kind.
    pub fn for_kind(&self, kind: MediaKind) -> u64 {
        match kind {
            MediaKind::Image => self.max_image_bytes,
            MediaKind::Video => self.max_video_bytes,
        }
    }

    /// The limit before the type is known.
    pub fn largest(&self) -> u64 {
        self.max_image_bytes.max(self.max_video_bytes)
    }
}

impl Default for Limits {
    /// 20 MiB images, 500 MiB videos.
    fn default() -> Self {
        Self {
            max_image_bytes: 20 * 1024 * 1024,
            max_video_bytes: 500 * 1024 * 1024,
        }
    }
}

/// Where media bytes live.
#[derive(Debug, Clone)]
pub enum StoreConfig {
    /// Files under this directory (uploads are spooled in its `.tmp/`).
    Local { dir: PathBuf },
    /// An S3-compatible bucket; uploads are spooled in `spool_dir` first.
    S3 { s3: S3Config, spool_dir: PathBuf },
}

/// An S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS, moto).
/// `Debug` never shows the secret (`SecretString`).
#[derive(Debug, Clone)]
pub struct S3Config {
    pub bucket: String,
    /// e.g. `https://oss-cn-hangzhou.aliyuncs.com` or `http://127.0.0.1:9000`;
    /// empty for AWS itself.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: SecretString,
    /// Allow a plain-http endpoint (MinIO or moto on a private network).
    pub allow_http: bool,
    /// Bucket in the host name (`bucket.endpoint`) rather than the path;
    /// OSS and COS want it, MinIO and moto do not.
    pub virtual_hosted_style: bool,
}
