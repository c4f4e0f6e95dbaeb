//! The media library: uploads (type by content, limits, truncation, names
//! that try to escape), the public files with Range, deletion while in use,
//! and pre-flight advice on hosted images.
mod library;
mod refusals;
mod renditions;
mod retryable;
mod serve;
mod upload;

use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};
use reqwest::{Response, StatusCode};
use serde_json::Value;
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// A real PNG with a gradient (so it compresses like a photo, a little).
pub fn png(width: u32, height: u32) -> Vec<u8> {
    encode(width, height, image::ImageFormat::Png)
}

/// A real baseline JPEG.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encode(width, height, image::ImageFormat::Jpeg)
}

fn encode(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// Hex SHA-256, as the library names content.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

impl TestApp {
    /// `POST /api/media` with one `file` field.
    pub async fn upload(&self, name: &str, bytes: Vec<u8>) -> Response {
        let part = Part::bytes(bytes)
            .file_name(name.to_owned())
            .mime_str("image/jpeg")
            .unwrap();
        self.client
            .post(self.url("/api/media"))
            .bearer_auth(&self.token)
            .multipart(Form::new().part("file", part))
            .send()
            .await
            .unwrap()
    }

    /// Uploads and expects a new item (201).
    pub async fn upload_new(&self, name: &str, bytes: Vec<u8>) -> Value {
        let res = self.upload(name, bytes).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }
}

/// Every file (not directory) under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}
