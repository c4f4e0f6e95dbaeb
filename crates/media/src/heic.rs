//! HEIC/HEIF photos (an iPhone's default) become JPEG on the way in: phones,
//! browsers and XHS's share SDK all take JPEG, few take HEIC. libheif (the
//! system library, Debian's `libheif-dev`) decodes the primary image and
//! applies the file's rotation, mirroring and crop, so the JPEG stands the
//! way the photo was taken.
use crate::MediaError;
use image::codecs::jpeg::JpegEncoder;
use libheif_rs::{ColorSpace, HeifContext, LibHeif, RgbChroma};
use std::path::Path;

/// The JPEG's quality: a photo, shown on phones.
const QUALITY: u8 = 90;
/// As for other images: a larger canvas is refused rather than decoded.
const MAX_SIDE: u32 = 20_000;

fn undecodable(e: impl std::fmt::Display) -> MediaError {
    MediaError::HeicUndecodable(e.to_string())
}

/// The primary image of the HEIF file at `path`, as JPEG bytes. Blocking
/// (decoding is CPU work): call it from `spawn_blocking`.
pub fn to_jpeg(path: &Path) -> Result<Vec<u8>, MediaError> {
    let bytes = std::fs::read(path)?;
    let context = HeifContext::read_from_bytes(&bytes).map_err(undecodable)?;
    let handle = context.primary_image_handle().map_err(undecodable)?;
    if handle.width().max(handle.height()) > MAX_SIDE {
        return Err(MediaError::Unsupported(format!(
            "the image is too large to process (at most {MAX_SIDE} px a side)"
        )));
    }
    let image = LibHeif::new()
        .decode(&handle, ColorSpace::Rgb(RgbChroma::Rgb), None)
        .map_err(undecodable)?;
    let planes = image.planes();
    let plane = planes
        .interleaved
        .ok_or_else(|| undecodable("no interleaved RGB plane"))?;
    let (width, height) = (plane.width as usize, plane.height as usize);
    let mut rgb = Vec::with_capacity(width * height * 3);
    for row in plane.data.chunks(plane.stride).take(height) {
        rgb.extend_from_slice(
            row.get(..width * 3)
                .ok_or_else(|| undecodable("short row"))?,
        );
    }
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode(
            &rgb,
            plane.width,
            plane.height,
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| {
            MediaError::Undecodable(format!("the converted photo cannot be written: {e}"))
        })?;
    Ok(jpeg)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    /// 96x64, made with `heif-enc -q 80` from a PNG in four quadrants: red
    /// top left, green top right, blue bottom left, white bottom right.
    const QUADRANTS: &[u8] = include_bytes!("../fixtures/quadrants.heic");

    #[test]
    fn a_heic_photo_becomes_a_jpeg_of_the_same_size_standing_the_same_way() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("photo.heic");
        std::fs::write(&path, QUADRANTS).unwrap();
        let jpeg = super::to_jpeg(&path).unwrap();
        let img = image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg)
            .unwrap()
            .to_rgb8();
        assert_eq!(img.dimensions(), (96, 64));
        let near = |x, y, want: [u8; 3]| {
            let got = img.get_pixel(x, y).0;
            assert!(
                got.iter().zip(want).all(|(g, w)| g.abs_diff(w) < 40),
                "({x}, {y}): {got:?}, want {want:?}"
            );
        };
        near(10, 10, [220, 20, 20]);
        near(85, 10, [20, 200, 20]);
        near(10, 54, [20, 20, 220]);
        near(85, 54, [240, 240, 240]);
    }

    #[test]
    fn a_truncated_heic_is_refused_as_undecodable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.heic");
        std::fs::write(&path, &QUADRANTS[..QUADRANTS.len() / 2]).unwrap();
        assert!(matches!(
            super::to_jpeg(&path),
            Err(crate::MediaError::HeicUndecodable(_))
        ));
    }
}
