//! Images are decoded in full before they are kept: the dimensions are read
//! and a file that does not decode (truncated, corrupt) is refused.
use crate::{jpeg, MediaError, Probed, Sniffed};
use image::{ImageFormat, ImageReader};
use std::io::Cursor;
use std::path::Path;

/// Width of the console's thumbnails, in pixels.
pub const THUMB_WIDTH: u32 = 320;

/// Long edge of the rendition phones get of a very large photo: sharp on
/// any phone screen, a fraction of a 6 MB original.
pub const PHONE_LONG_EDGE: u32 = 2560;

/// Width of the share page's rendition: what XHS shows a note's images at,
/// sharp on a phone and a few hundred KB where the original is megabytes.
pub const SCREEN_WIDTH: u32 = 1080;

/// Decoding a 20 MB file can still ask for a huge canvas (a "decompression
/// bomb"); beyond these the file is refused rather than the server starved.
const MAX_SIDE: u32 = 20_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

pub fn probe(path: &Path, sniffed: &Sniffed) -> Result<Probed, MediaError> {
    // Images are at most `max_image_bytes` (20 MB by default): fine to read whole.
    let bytes = std::fs::read(path)?;
    let format = match sniffed.ext {
        "png" => ImageFormat::Png,
        "webp" => ImageFormat::WebP,
        _ => ImageFormat::Jpeg,
    };
    if format == ImageFormat::Jpeg && !jpeg::is_complete(&bytes) {
        return Err(MediaError::Undecodable(
            "the JPEG is truncated or corrupt (it does not end where its segments say)".into(),
        ));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(&bytes), format);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => MediaError::Unsupported(format!(
            "the image is too large to process (at most {MAX_SIDE} px a side)"
        )),
        other => {
            MediaError::Undecodable(format!("the {} cannot be decoded: {other}", sniffed.mime))
        }
    })?;
    let (width, height) = (img.width(), img.height());
    Ok(Probed {
        width: Some(width),
        height: Some(height),
        thumbnail: Some(thumbnail(&img)?),
        phone: phone(&img)?,
        screen: screen(&img)?,
    })
}

/// The share page's JPEG, [`SCREEN_WIDTH`] wide, of an image wider than
/// that; None for narrower ones (the page shows the original).
fn screen(img: &image::DynamicImage) -> Result<Option<Vec<u8>>, MediaError> {
    if img.width() <= SCREEN_WIDTH {
        return Ok(None);
    }
    let h = (u64::from(img.height()) * u64::from(SCREEN_WIDTH) / u64::from(img.width())).max(1);
    let resized = img.resize_exact(
        SCREEN_WIDTH,
        u32::try_from(h).unwrap_or(u32::MAX),
        image::imageops::FilterType::Triangle,
    );
    jpeg_of(&resized, 78).map(Some)
}

/// The phone-sized JPEG of an image whose long edge exceeds
/// [`PHONE_LONG_EDGE`]; None for smaller ones (phones get the original).
fn phone(img: &image::DynamicImage) -> Result<Option<Vec<u8>>, MediaError> {
    if img.width().max(img.height()) <= PHONE_LONG_EDGE {
        return Ok(None);
    }
    let resized = img.resize(
        PHONE_LONG_EDGE,
        PHONE_LONG_EDGE,
        image::imageops::FilterType::Triangle,
    );
    jpeg_of(&resized, 82).map(Some)
}

/// A JPEG at most `THUMB_WIDTH` wide (transparency is flattened: the console
/// shows thumbnails on white).
fn thumbnail(img: &image::DynamicImage) -> Result<Vec<u8>, MediaError> {
    let small = if img.width() > THUMB_WIDTH {
        let h = (u64::from(img.height()) * u64::from(THUMB_WIDTH) / u64::from(img.width())).max(1);
        img.thumbnail(THUMB_WIDTH, u32::try_from(h).unwrap_or(u32::MAX))
    } else {
        img.clone()
    };
    jpeg_of(&small, 80)
}

/// A JPEG of `small`, transparency flattened on white.
fn jpeg_of(small: &image::DynamicImage, quality: u8) -> Result<Vec<u8>, MediaError> {
    let rgb = if small.color().has_alpha() {
        let mut canvas =
            image::RgbImage::from_pixel(small.width(), small.height(), image::Rgb([255, 255, 255]));
        for (x, y, p) in small.to_rgba8().enumerate_pixels() {
            let a = u16::from(p[3]);
            let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
            canvas.put_pixel(x, y, image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])]));
        }
        canvas
    } else {
        small.to_rgb8()
    };
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&rgb)
        .map_err(|e| MediaError::Storage(format!("encoding a rendition: {e}")))?;
    Ok(out)
}
