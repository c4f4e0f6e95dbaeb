//! A structural check of JPEG files. The `image` crate decodes JPEGs
//! leniently (a truncated scan is padded with grey, not refused), so a file
//! cut off in transfer would be stored and shown half grey on the phone. A
//! complete JPEG is a chain of well-sized segments ending in EOI.

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;

/// True when the segments chain from SOI to EOI without running off the end.
pub fn is_complete(b: &[u8]) -> bool {
    if b.len() < 4 || b[0] != 0xFF || b[1] != SOI {
        return false;
    }
    let mut i = 2;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        if b.get(i) != Some(&0xFF) {
            return false;
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&marker) = b.get(i) else {
            return false;
        };
        i += 1;
        match marker {
            EOI => return true,
            // Standalone markers carry no length.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = b
            .get(i..i + 2)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            return false;
        };
        if len < 2 || i + len > b.len() {
            return false;
        }
        i += len;
        if marker == SOS {
            match skip_scan(b, i) {
                Some(next) => i = next,
                None => return false,
            }
        }
    }
}

/// Skips entropy-coded data; returns the index of the next real marker.
fn skip_scan(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += b.get(i..)?.iter().position(|&x| x == 0xFF)?;
        match b.get(i + 1)? {
            // A stuffed zero or a restart marker belongs to the scan.
            0x00 | 0xD0..=0xD7 => i += 2,
            0xFF => i += 1,
            _ => return Some(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_complete;

    fn jpeg() -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, b'J', b'F'];
        v.extend([
            0xFF, 0xDA, 0x00, 0x03, 0x01, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
        ]);
        v.extend([0xFF, 0xD9]);
        v
    }

    #[test]
    fn a_complete_chain_passes_and_every_truncation_fails() {
        let j = jpeg();
        assert!(is_complete(&j));
        for cut in 0..j.len() {
            assert!(!is_complete(&j[..cut]), "cut at {cut}");
        }
    }

    #[test]
    fn trailing_bytes_after_eoi_are_tolerated() {
        let mut j = jpeg();
        j.extend(b"trailer");
        assert!(is_complete(&j));
    }
}
