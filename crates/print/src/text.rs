//! Fitting text into a card: the widths come from the font's own advances,
//! a line too long ends in an ellipsis, and a link wraps onto two lines
//! (smaller when it must) so that it is always written out whole.
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Widths of text in one face.
pub struct Measure<'a> {
    face: FontRef<'a>,
    per_em: f32,
}

impl<'a> Measure<'a> {
    pub fn new(face: FontRef<'a>) -> Self {
        let per_em = f32::from(face.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        Self {
            face,
            per_em: per_em.max(1.0),
        }
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.face.charmap().map(c).is_some()
    }

    /// The advance of `c` at size 1.
    pub fn em(&self, c: char) -> f32 {
        let gm = self.face.glyph_metrics(Size::unscaled(), LocationRef::default());
        self.face
            .charmap()
            .map(c)
            .and_then(|g| gm.advance_width(g))
            .map_or(0.5, |a| a / self.per_em)
    }

    /// Text the face can set: characters it lacks (an emoji in a name)
    /// become `?` rather than an empty box; control characters go.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| if self.has(c) { c } else { '?' })
            .collect()
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.em(c)).sum::<f32>() * size
    }
}

/// `text` cut to fit `max` (in the units of `width`), ending in `…` when cut.
pub fn fit(text: &str, max: f32, width: impl Fn(&str) -> f32) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out: String = text.to_owned();
    while !out.is_empty() && width(&format!("{out}…")) > max {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// Breaks `text` (a URL) into lines no wider than `max`, by characters.
pub fn wrap(text: &str, max: f32, width: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in text.chars() {
        let last = lines.len() - 1;
        let mut candidate = lines[last].clone();
        candidate.push(c);
        if width(&candidate) > max && !lines[last].is_empty() {
            lines.push(c.to_string());
        } else {
            lines[last] = candidate;
        }
    }
    lines
}

/// The largest size from `size` down to `min` at which `text` wraps into
/// `max_lines` lines of `max` width; `min` when none does.
pub fn shrink_to_lines(
    text: &str,
    size: f32,
    min: f32,
    max: f32,
    max_lines: usize,
    em_width: impl Fn(&str) -> f32,
) -> f32 {
    let mut s = size;
    while s > min {
        if wrap(text, max, |t| em_width(t) * s).len() <= max_lines {
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
    fn em(t: &str) -> f32 {
        t.chars()
            .map(|c| if c.len_utf8() >= 3 { 1.0 } else { 0.5 })
            .sum()
    }

    #[test]
    fn a_line_that_fits_stays_and_a_long_one_ends_in_an_ellipsis_inside_the_width() {
        assert_eq!(fit("周末去哪儿", 10.0, em), "周末去哪儿");
        let cut = fit("周末城市漫步路线拍照很出片", 6.0, em);
        assert!(cut.ends_with('…') && em(&cut) <= 6.0, "{cut}");
        assert_eq!(cut, "周末城市漫…");
    }

    #[test]
    fn a_link_wraps_whole_and_shrinks_to_two_lines() {
        let url = format!("https://xhs.example.com/s/{}", "A".repeat(43));
        let lines = wrap(&url, 20.0, em);
        assert_eq!(lines.concat(), url);
        assert!(lines.iter().all(|l| em(l) <= 20.0));
        let size = shrink_to_lines(&url, 8.0, 4.0, 100.0, 2, em);
        assert!(size < 8.0 && size >= 4.0);
        assert!(wrap(&url, 100.0, |t| em(t) * size).len() <= 2);
    }
}
