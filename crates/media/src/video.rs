//! MP4 and MOV files are checked box by box without reading the media data:
//! every top-level box must fit in the file (a cut-off transfer leaves the
//! last one short), and a `moov` box with at least one track must be there
//! (a recording that was never finished has none, and no player can open it).
use crate::{MediaError, Probed};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// `moov` holds only the index of the media data; more than this is not a
/// video a phone made.
const MAX_MOOV_BYTES: u64 = 64 * 1024 * 1024;

fn undecodable(why: String) -> MediaError {
    MediaError::Undecodable(format!("the video cannot be read: {why}"))
}

pub fn probe(path: &Path) -> Result<Probed, MediaError> {
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    let mut pos = 0u64;
    let mut moov = None;
    while pos < len {
        f.seek(SeekFrom::Start(pos))?;
        let mut head = [0u8; 16];
        let avail = (len - pos).min(16) as usize;
        f.read_exact(&mut head[..avail])?;
        let (size, header, kind) = box_header(&head[..avail], len - pos).ok_or_else(|| {
            undecodable(format!("a box header at byte {pos} is cut off or corrupt"))
        })?;
        if pos + size > len {
            return Err(undecodable(format!(
                "the file is truncated: its `{}` box needs {size} bytes, {} are there",
                String::from_utf8_lossy(&kind),
                len - pos
            )));
        }
        if &kind == b"moov" {
            moov = Some((pos + header, size - header));
        }
        pos += size;
    }
    let (start, size) = moov.ok_or_else(|| {
        undecodable("it has no `moov` box (the recording was not finished or is truncated)".into())
    })?;
    if size > MAX_MOOV_BYTES {
        return Err(undecodable(format!("its `moov` box is {size} bytes")));
    }
    let mut body = vec![0u8; size as usize];
    f.seek(SeekFrom::Start(start))?;
    f.read_exact(&mut body)?;
    let tracks: Vec<&[u8]> = children(&body)
        .filter(|(k, _)| k == b"trak")
        .map(|(_, b)| b)
        .collect();
    if tracks.is_empty() {
        return Err(undecodable("its `moov` box lists no track".into()));
    }
    // The display size is in the track header (16.16 fixed point, last 8 bytes).
    let size = tracks
        .iter()
        .filter_map(|t| children(t).find(|(k, _)| k == b"tkhd").map(|(_, b)| b))
        .filter_map(|tkhd| tkhd.get(tkhd.len().checked_sub(8)?..))
        .map(|wh| (be32(&wh[..4]) >> 16, be32(&wh[4..]) >> 16))
        .find(|&(w, h)| w > 0 && h > 0);
    Ok(Probed {
        width: size.map(|s| s.0),
        height: size.map(|s| s.1),
        thumbnail: None,
        phone: None,
        screen: None,
    })
}

fn be32(b: &[u8]) -> u32 {
    b.iter()
        .take(4)
        .fold(0, |acc, &x| (acc << 8) | u32::from(x))
}

/// (size, header length, type) of the box starting `head`; `rest` is what the
/// file has from there (a size of 0 means "to the end").
fn box_header(head: &[u8], rest: u64) -> Option<(u64, u64, [u8; 4])> {
    let size32 = be32(head.get(..4)?);
    let kind: [u8; 4] = head.get(4..8)?.try_into().ok()?;
    if !kind.iter().all(|b| (0x20..=0x7E).contains(b)) {
        return None;
    }
    let (size, header) = match size32 {
        0 => (rest, 8),
        1 => {
            let hi = u64::from(be32(head.get(8..12)?));
            let lo = u64::from(be32(head.get(12..16)?));
            ((hi << 32) | lo, 16)
        }
        n => (u64::from(n), 8),
    };
    (size >= header).then_some((size, header, kind))
}

/// The child boxes inside a container's body, as (type, body).
fn children(body: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let rest = body.get(pos..)?;
        let (size, header, kind) = box_header(rest, rest.len() as u64)?;
        let inner = rest.get(header as usize..usize::try_from(size).ok()?)?;
        pos += size as usize;
        Some((kind, inner))
    })
}
