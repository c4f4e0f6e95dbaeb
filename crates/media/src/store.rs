//! One interface over two backends, both `object_store` implementations: a
//! local directory (`LocalFileSystem`) or an S3-compatible bucket
//! (`AmazonS3`). Only storing a spooled file differs: a local store renames
//! it into place (same filesystem, no copy), S3 gets a multipart upload read
//! from the file in parts, never the whole file in memory.
use crate::{Limits, MediaError, S3Config, StorageKey, StoreConfig};
use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::path::Path as ObjectPath;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use secrecy::ExposeSecret;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tempfile::TempPath;
use tokio::io::AsyncReadExt;

/// S3 wants parts of at least 5 MiB; 8 MiB parts, two in flight, bound the
/// memory of one upload to about 16 MiB whatever the file's size.
const PART_BYTES: usize = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT: usize = 2;

/// Where media bytes live. Cheap to clone.
#[derive(Clone)]
pub struct MediaStore {
    objects: Arc<dyn ObjectStore>,
    /// Set for the local backend: files are renamed in and served by path.
    local_root: Option<PathBuf>,
    spool_dir: PathBuf,
    limits: Limits,
    /// Set by [`Self::fail_writes`]: every write fails as on a full disk.
    full: Arc<AtomicBool>,
}

/// Size of a stored object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectInfo {
    pub size: u64,
}

/// A byte range being read: `range` is what the stream yields.
pub struct StoredRange {
    pub range: Range<u64>,
    pub total: u64,
    pub body: BoxStream<'static, Result<Bytes, MediaError>>,
}

impl MediaStore {
    /// Opens the configured backend (creating the local directory).
    pub fn open(config: &StoreConfig, limits: Limits) -> Result<Self, MediaError> {
        match config {
            StoreConfig::Local { dir } => {
                std::fs::create_dir_all(dir)?;
                let root = dir.canonicalize()?;
                let fs = object_store::local::LocalFileSystem::new_with_prefix(&root)?;
                Ok(Self {
                    objects: Arc::new(fs),
                    spool_dir: root.join(".tmp"),
                    local_root: Some(root),
                    limits,
                    full: Arc::default(),
                })
            }
            StoreConfig::S3 { s3, spool_dir } => Ok(Self {
                objects: Arc::new(s3_client(s3)?),
                local_root: None,
                spool_dir: spool_dir.clone(),
                limits,
                full: Arc::default(),
            }),
        }
    }

    /// The upload limits per kind.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Makes every later write fail with ENOSPC, as a full disk does, until
    /// called with `false`: how the tests fill a disk they cannot fill.
    pub fn fail_writes(&self, on: bool) {
        self.full.store(on, Ordering::SeqCst);
    }

    fn check_space(&self) -> Result<(), MediaError> {
        if self.full.load(Ordering::SeqCst) {
            return Err(std::io::Error::from_raw_os_error(28).into());
        }
        Ok(())
    }

    /// A new upload spool in [`Self::spool_dir`], failing like the store.
    pub async fn spool(&self) -> Result<crate::Spool, MediaError> {
        let spool = crate::Spool::create(&self.spool_dir, self.limits).await?;
        Ok(spool.failing_with(self.full.clone()))
    }

    /// Where uploads are spooled before [`put_file`](Self::put_file).
    pub fn spool_dir(&self) -> &Path {
        &self.spool_dir
    }

    /// The file behind `key` for the local backend (served with `NamedFile`).
    pub fn local_path(&self, key: &StorageKey) -> Option<PathBuf> {
        self.local_root.as_ref().map(|r| r.join(key.as_str()))
    }

    /// Stores a spooled file under `key`; storing the same content twice is harmless.
    pub async fn put_file(&self, key: &StorageKey, file: TempPath) -> Result<(), MediaError> {
        self.check_space()?;
        if let Some(dest) = self.local_path(key) {
            if let Some(parent) = dest.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            return tokio::task::spawn_blocking(move || file.persist(&dest).map_err(|e| e.error))
                .await
                .map_err(|e| MediaError::Io(std::io::Error::other(e)))?
                .map_err(MediaError::from);
        }
        let upload = self.objects.put_multipart(&path(key)).await?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
        let mut f = tokio::fs::File::open(&file).await?;
        let mut buf = vec![0u8; 1024 * 1024];
        let result = async {
            loop {
                let n = f.read(&mut buf).await?;
                if n == 0 {
                    break;
                }
                writer.wait_for_capacity(PARTS_IN_FLIGHT).await?;
                writer.write(&buf[..n]);
            }
            Ok::<_, MediaError>(())
        }
        .await;
        match result {
            Ok(()) => writer.finish().await.map(|_| ()).map_err(Into::into),
            Err(e) => {
                let _ = writer.abort().await;
                Err(e)
            }
        }
    }

    /// Stores small bytes (a thumbnail).
    pub async fn put_bytes(&self, key: &StorageKey, bytes: Vec<u8>) -> Result<(), MediaError> {
        self.check_space()?;
        self.objects
            .put(&path(key), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    /// The object's size, or `None` when there is none.
    pub async fn head(&self, key: &StorageKey) -> Result<Option<ObjectInfo>, MediaError> {
        match self.objects.head(&path(key)).await {
            Ok(meta) => Ok(Some(ObjectInfo { size: meta.size })),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Streams `range` (clamped by the backend to the object's end) or the whole object.
    pub async fn get(
        &self,
        key: &StorageKey,
        range: Option<Range<u64>>,
    ) -> Result<StoredRange, MediaError> {
        let opts = GetOptions {
            range: range.map(GetRange::Bounded),
            ..GetOptions::default()
        };
        let res = self.objects.get_opts(&path(key), opts).await?;
        Ok(StoredRange {
            range: res.range.clone(),
            total: res.meta.size,
            body: res.into_stream().map_err(MediaError::from).boxed(),
        })
    }

    /// Removes an object; a missing one is not an error.
    pub async fn delete(&self, key: &StorageKey) -> Result<(), MediaError> {
        match self.objects.delete(&path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

fn path(key: &StorageKey) -> ObjectPath {
    ObjectPath::from(key.as_str())
}

fn s3_client(c: &S3Config) -> Result<object_store::aws::AmazonS3, MediaError> {
    let mut b = object_store::aws::AmazonS3Builder::new()
        .with_bucket_name(&c.bucket)
        .with_region(&c.region)
        .with_access_key_id(&c.access_key_id)
        .with_secret_access_key(c.secret_access_key.expose_secret())
        .with_allow_http(c.allow_http)
        .with_virtual_hosted_style_request(c.virtual_hosted_style);
    if let Some(endpoint) = c.endpoint.as_deref().filter(|e| !e.trim().is_empty()) {
        b = b.with_endpoint(endpoint.trim());
    }
    Ok(b.build()?)
}
