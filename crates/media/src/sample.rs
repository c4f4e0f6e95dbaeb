//! Minimal well-formed MP4 files, for tests and the upload benchmark: an
//! `ftyp`, a `moov` with one video track header, and an `mdat` whose media
//! data the caller appends (filler is fine: nothing here decodes frames).

fn boxed(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(body.len() + 8);
    v.extend_from_slice(
        &u32::try_from(body.len() + 8)
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    v.extend_from_slice(kind);
    v.extend_from_slice(body);
    v
}

/// Everything of an MP4 up to and including the `mdat` box header; exactly
/// `mdat_len` bytes of media data must follow. Uses a 64-bit `mdat` size so
/// files over 4 GiB are expressible too.
pub fn mp4_prefix(width: u32, height: u32, mdat_len: u64) -> Vec<u8> {
    let ftyp = boxed(b"ftyp", b"isom\0\0\x02\0isomiso2avc1mp41");
    // tkhd version 0: 80 bytes of fields, then width and height in 16.16.
    let mut tkhd = vec![0u8; 76];
    tkhd[3] = 0x03; // flags: enabled, in movie
    tkhd.extend_from_slice(&(width << 16).to_be_bytes());
    tkhd.extend_from_slice(&(height << 16).to_be_bytes());
    let trak = boxed(b"trak", &boxed(b"tkhd", &tkhd));
    let mvhd = boxed(b"mvhd", &[0u8; 100]);
    let moov = boxed(b"moov", &[mvhd, trak].concat());
    let mut out = [ftyp, moov].concat();
    out.extend_from_slice(&1u32.to_be_bytes());
    out.extend_from_slice(b"mdat");
    out.extend_from_slice(&(mdat_len + 16).to_be_bytes());
    out
}

/// A complete small MP4 (`mdat_len` bytes of filler).
pub fn mp4(width: u32, height: u32, mdat_len: usize) -> Vec<u8> {
    let mut v = mp4_prefix(width, height, mdat_len as u64);
    v.extend((0..mdat_len).map(|i| (i % 251) as u8));
    v
}

/// A JPEG of `width` x `height`: a soft diagonal gradient from one colour to
/// another (the demo post's images, served by the server itself).
pub fn gradient_jpeg(width: u32, height: u32, from: [u8; 3], to: [u8; 3]) -> Vec<u8> {
    let span = (width + height).max(1) as f32;
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let t = (x + y) as f32 / span;
        let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t) as u8;
        image::Rgb([
            mix(from[0], to[0]),
            mix(from[1], to[1]),
            mix(from[2], to[2]),
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    // Encoding an in-memory RGB image to JPEG cannot fail for these sizes.
    let _ = img.write_to(&mut out, image::ImageFormat::Jpeg);
    out.into_inner()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{probe, sniff, MediaError};

    fn probe_bytes(bytes: &[u8]) -> Result<crate::Probed, MediaError> {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), bytes).unwrap();
        probe(f.path(), &sniff(bytes).unwrap())
    }

    #[test]
    fn a_gradient_jpeg_is_a_decodable_image_of_its_size() {
        let p = probe_bytes(&super::gradient_jpeg(
            300,
            400,
            [255, 36, 66],
            [255, 200, 120],
        ))
        .unwrap();
        assert_eq!((p.width, p.height), (Some(300), Some(400)));
    }

    #[test]
    fn a_whole_mp4_is_measured() {
        let p = probe_bytes(&super::mp4(1080, 1920, 5000)).unwrap();
        assert_eq!((p.width, p.height), (Some(1080), Some(1920)));
    }

    #[test]
    fn a_cut_off_mp4_or_one_without_moov_is_undecodable() {
        let whole = super::mp4(640, 480, 5000);
        let cut = &whole[..whole.len() - 100];
        assert!(matches!(probe_bytes(cut), Err(MediaError::Undecodable(_))));
        let ftyp_only = &whole[..32];
        let err = probe_bytes(ftyp_only).unwrap_err().to_string();
        assert!(err.contains("moov"), "{err}");
    }
}
