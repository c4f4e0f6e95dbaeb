//! An upload on its way in: each chunk goes straight to a temp file while it
//! is hashed and counted, so a 500 MB video never sits in memory. The temp
//! file is removed when the spool is dropped (a refused or abandoned upload
//! leaves nothing behind).
use crate::sniff::{sniff, Sniffed, SNIFF_BYTES};
use crate::{Limits, MediaError};
use sha2::{Digest, Sha256};
use std::path::Path;
use tempfile::TempPath;
use tokio::io::AsyncWriteExt;

/// A temp file being written.
pub struct Spool {
    file: tokio::io::BufWriter<tokio::fs::File>,
    path: TempPath,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    sniffed: Option<Sniffed>,
    limits: Limits,
    /// The store's "disk full" switch ([`crate::MediaStore::fail_writes`]).
    full: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// A complete upload in its temp file.
#[derive(Debug)]
pub struct Spooled {
    /// Removed on drop unless it was moved into storage.
    pub path: TempPath,
    pub sha256: String,
    pub size: u64,
    pub sniffed: Sniffed,
}

impl Spool {
    /// A new temp file in `dir` (the storage's spool area, so a local store
    /// can rename it into place).
    pub async fn create(dir: &Path, limits: Limits) -> Result<Self, MediaError> {
        tokio::fs::create_dir_all(dir).await?;
        let dir = dir.to_owned();
        let tmp = tokio::task::spawn_blocking(move || tempfile::NamedTempFile::new_in(dir))
            .await
            .map_err(|e| MediaError::Io(std::io::Error::other(e)))??;
        let (std_file, path) = tmp.into_parts();
        Ok(Self {
            file: tokio::io::BufWriter::with_capacity(
                256 * 1024,
                tokio::fs::File::from_std(std_file),
            ),
            path,
            hasher: Sha256::new(),
            size: 0,
            head: Vec::with_capacity(SNIFF_BYTES),
            sniffed: None,
            limits,
            full: None,
        })
    }

    pub(crate) fn failing_with(
        mut self,
        full: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ) -> Self {
        self.full = Some(full);
        self
    }

    /// Appends a chunk. Fails as soon as the type is known to be refused or
    /// the count passes the limit of the kind (the largest limit while the
    /// type is not known yet).
    pub async fn write(&mut self, chunk: &[u8]) -> Result<(), MediaError> {
        self.size += chunk.len() as u64;
        if self.sniffed.is_none() {
            let take = (SNIFF_BYTES - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            if self.head.len() >= SNIFF_BYTES {
                self.sniffed = Some(sniff(&self.head)?);
            }
        }
        let (kind, limit) = match self.sniffed {
            Some(s) => (s.kind.as_str(), self.limits.for_kind(s.kind)),
            None => ("file", self.limits.largest()),
        };
        if self.size > limit {
            return Err(MediaError::TooLarge { kind, limit });
        }
        self.hasher.update(chunk);
        if self
            .full
            .as_ref()
            .is_some_and(|f| f.load(std::sync::atomic::Ordering::SeqCst))
        {
            return Err(std::io::Error::from_raw_os_error(28).into());
        }
        self.file.write_all(chunk).await?;
        Ok(())
    }

    /// Flushes to disk and names the content.
    pub async fn finish(mut self) -> Result<Spooled, MediaError> {
        let sniffed = match self.sniffed {
            Some(s) => s,
            None if self.size == 0 => return Err(MediaError::Empty),
            None => sniff(&self.head)?,
        };
        if self.size > self.limits.for_kind(sniffed.kind) {
            return Err(MediaError::TooLarge {
                kind: sniffed.kind.as_str(),
                limit: self.limits.for_kind(sniffed.kind),
            });
        }
        self.file.flush().await?;
        if sniffed.mime == crate::sniff::HEIF {
            return as_jpeg(self.path).await;
        }
        self.file.get_mut().sync_all().await?;
        Ok(Spooled {
            path: self.path,
            sha256: hex::encode(self.hasher.finalize()),
            size: self.size,
            sniffed,
        })
    }
}

/// A spooled HEIC/HEIF photo replaced by its JPEG, named by the JPEG's bytes
/// (the HEIC's temp file is removed as `heic` drops).
async fn as_jpeg(heic: TempPath) -> Result<Spooled, MediaError> {
    let converted = tokio::task::spawn_blocking(move || {
        let jpeg = crate::heic::to_jpeg(&heic)?;
        let dir = heic.parent().unwrap_or_else(|| Path::new("."));
        let mut out = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut out, &jpeg)?;
        out.as_file().sync_all()?;
        Ok::<_, MediaError>((out.into_temp_path(), jpeg))
    })
    .await
    .map_err(|e| MediaError::Io(std::io::Error::other(e)))??;
    let (path, jpeg) = converted;
    Ok(Spooled {
        path,
        sha256: hex::encode(Sha256::digest(&jpeg)),
        size: jpeg.len() as u64,
        sniffed: Sniffed {
            kind: crate::MediaKind::Image,
            mime: "image/jpeg",
            ext: "jpg",
        },
    })
}
