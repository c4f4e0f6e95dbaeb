//! Where cards sit on an A4 page (points, y downwards), and the sizes of
//! what a card holds, scaled with the card.

/// A4 in PDF points.
pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;
/// 10 mm all round: inside what office printers reach, room for cut marks.
pub const MARGIN: f32 = 28.35;

/// How many cards one page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PerPage {
    /// 2 × 3: large codes, for a wall or a desk.
    Six,
    /// 3 × 4 (the default): a class hand-out.
    #[default]
    Twelve,
    /// 4 × 6: small slips.
    TwentyFour,
}

impl PerPage {
    /// The accepted counts, for messages.
    pub const ALLOWED: [u32; 3] = [6, 12, 24];

    /// 6, 12 or 24.
    pub fn from_count(n: u32) -> Option<Self> {
        match n {
            6 => Some(Self::Six),
            12 => Some(Self::Twelve),
            24 => Some(Self::TwentyFour),
            _ => None,
        }
    }

    pub fn count(self) -> usize {
        let (c, r) = self.grid();
        c * r
    }

    /// Columns and rows.
    pub fn grid(self) -> (usize, usize) {
        match self {
            Self::Six => (2, 3),
            Self::Twelve => (3, 4),
            Self::TwentyFour => (4, 6),
        }
    }

    /// The card's size.
    pub fn card(self) -> (f32, f32) {
        let (c, r) = self.grid();
        (
            (PAGE_W - 2.0 * MARGIN) / c as f32,
            (PAGE_H - 2.0 * MARGIN) / r as f32,
        )
    }

    /// The top-left corner of the `i`th card of a page (row by row).
    pub fn origin(self, i: usize) -> (f32, f32) {
        let (c, _) = self.grid();
        let (w, h) = self.card();
        (MARGIN + (i % c) as f32 * w, MARGIN + (i / c) as f32 * h)
    }

    /// What goes where inside a card of this size.
    pub fn metrics(self) -> CardMetrics {
        let (w, h) = self.card();
        // The 3 × 4 card is the reference; the others scale from it.
        let s = w / 179.5;
        let name = 11.0 * s;
        let line = 7.5 * s;
        let url = (6.5 * s).max(5.0);
        let pad = 8.0 * s;
        let gap = 4.0 * s;
        let text_h = lead(name) + 2.0 * lead(line) + 2.0 * lead(url);
        let qr = (w - 2.0 * pad).min(h - 2.0 * pad - gap - text_h);
        CardMetrics {
            pad,
            gap,
            qr,
            name,
            line,
            url,
            text_w: w - 2.0 * pad,
        }
    }
}

/// The line height of text of size `size`.
pub fn lead(size: f32) -> f32 {
    size * 1.3
}

/// Sizes inside one card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardMetrics {
    pub pad: f32,
    /// Between the code and the text.
    pub gap: f32,
    /// The side of the code's square, quiet zone included.
    pub qr: f32,
    /// Font sizes: the person's name, the group and title lines, the link.
    pub name: f32,
    pub line: f32,
    pub url: f32,
    /// The width text may take.
    pub text_w: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_keeps_its_cards_and_their_contents_inside_the_page() {
        for p in [PerPage::Six, PerPage::Twelve, PerPage::TwentyFour] {
            let (w, h) = p.card();
            let (x, y) = p.origin(p.count() - 1);
            assert!(x + w <= PAGE_W - MARGIN + 0.01 && y + h <= PAGE_H - MARGIN + 0.01);
            let m = p.metrics();
            let used = 2.0 * m.pad + m.qr + m.gap + lead(m.name) + 2.0 * lead(m.line);
            assert!(used + 2.0 * lead(m.url) <= h + 0.01, "{p:?}: {used} of {h}");
            assert!(m.qr <= w - 2.0 * m.pad);
            // 20 mm is about the least a phone reads from a hand-held slip.
            assert!(m.qr > 20.0 / 25.4 * 72.0, "{p:?}: a {} pt code", m.qr);
        }
    }

    #[test]
    fn only_six_twelve_and_twenty_four_are_counts() {
        assert_eq!(PerPage::from_count(6), Some(PerPage::Six));
        assert_eq!(PerPage::from_count(24).map(PerPage::count), Some(24));
        assert_eq!(PerPage::from_count(7), None);
        assert_eq!(PerPage::default().count(), 12);
    }
}
