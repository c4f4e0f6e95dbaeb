//! Fitting text into a card: the widths come from the font's own advances,
//! a line too long ends in an ellipsis, and a link wraps onto two lines
//! (smaller when it must) so that it is always written out whole. Widths
//! add up character by character (no kerning in CJK text worth measuring).
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};
use std::cell::RefCell;
use std::collections::HashMap;

/// Widths of characters in one face, each looked up once.
pub struct Measure<'a> {
    face: FontRef<'a>,
    metrics: GlyphMetrics<'a>,
    per_em: f32,
    cache: RefCell<HashMap<char, Option<f32>>>,
}

impl<'a> Measure<'a> {
    pub fn new(face: FontRef<'a>) -> Self {
        let per_em = f32::from(
            face.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Self {
            metrics: face.glyph_metrics(Size::unscaled(), LocationRef::default()),
            face,
            per_em: per_em.max(1.0),
            cache: RefCell::default(),
        }
    }

    /// The advance of `c` at size 1; None when the face lacks it.
    fn lookup(&self, c: char) -> Option<f32> {
        if let Some(w) = self.cache.borrow().get(&c) {
            return *w;
        }
        let w = self
            .face
            .charmap()
            .map(c)
            .map(|g| self.metrics.advance_width(g).unwrap_or(0.0) / self.per_em);
        self.cache.borrow_mut().insert(c, w);
        w
    }

    /// The advance of `c` at size 1.
    pub fn em(&self, c: char) -> f32 {
        self.lookup(c).unwrap_or(0.5)
    }

    /// Text the face can set: characters it lacks (an emoji in a name)
    /// become `?` rather than an empty box; control characters go.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| if self.lookup(c).is_some() { c } else { '?' })
            .collect()
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.em(c)).sum::<f32>() * size
    }
}

/// `text` cut to fit `max`, ending in `…` when cut; `w` is a character's width.
pub fn fit(text: &str, max: f32, w: impl Fn(char) -> f32) -> String {
    if text.chars().map(&w).sum::<f32>() <= max {
        return text.to_owned();
    }
    let room = max - w('…');
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += w(c);
        if used > room {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// Breaks `text` (a URL) into lines no wider than `max`, by characters.
pub fn wrap(text: &str, max: f32, w: impl Fn(char) -> f32) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0.0;
    for c in text.chars() {
        let cw = w(c);
        let last = lines.len() - 1;
        if used + cw > max && !lines[last].is_empty() {
            lines.push(String::new());
            used = 0.0;
        }
        used += cw;
        let last = lines.len() - 1;
        lines[last].push(c);
    }
    lines
}

/// The largest size from `size` down to `min` at which `text` wraps into
/// `max_lines` lines of `max` width; `min` when none does. `em` is a
/// character's width at size 1.
pub fn shrink_to_lines(
    text: &str,
    size: f32,
    min: f32,
    max: f32,
    max_lines: usize,
    em: impl Fn(char) -> f32,
) -> f32 {
    let mut s = size;
    while s > min {
        if wrap(text, max, |c| em(c) * s).len() <= max_lines {
            return s;
        }
        s -= 0.25;
    }
    min
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wide characters a full em, the rest half (as CJK fonts set them).
    fn em(c: char) -> f32 {
        if c.len_utf8() >= 3 {
            1.0
        } else {
            0.5
        }
    }

    fn width(t: &str) -> f32 {
        t.chars().map(em).sum()
    }

    #[test]
    fn a_line_that_fits_stays_and_a_long_one_ends_in_an_ellipsis_inside_the_width() {
        assert_eq!(fit("周末去哪儿", 10.0, em), "周末去哪儿");
        let cut = fit("周末城市漫步路线拍照很出片", 6.0, em);
        assert!(cut.ends_with('…') && width(&cut) <= 6.0, "{cut}");
        assert_eq!(cut, "周末城市漫…");
    }

    #[test]
    fn a_link_wraps_whole_and_shrinks_to_two_lines() {
        let url = format!("https://xhs.example.com/s/{}", "A".repeat(43));
        let lines = wrap(&url, 20.0, em);
        assert_eq!(lines.concat(), url);
        assert!(lines.iter().all(|l| width(l) <= 20.0));
        let size = shrink_to_lines(&url, 8.0, 4.0, 100.0, 2, em);
        assert!((4.0..8.0).contains(&size), "{size}");
        assert!(wrap(&url, 100.0, |c| em(c) * size).len() <= 2);
    }
}
