//! The sheet itself: A4 pages of cards, each with its QR code drawn as
//! vector squares (crisp at any printer's resolution), the person's name,
//! their group, the note's title and the link written out, and cut marks
//! between the cards.
use crate::font::LoadedFont;
use crate::layout::{lead, PerPage, MARGIN, PAGE_H, PAGE_W};
use crate::text::{fit, shrink_to_lines, wrap, Measure};
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::Document;
use qrcode::{Color, QrCode};

/// One card: who it is for and the link its code opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The person's (account's) name, or the link's label.
    pub name: String,
    /// Their groups, joined (may be empty).
    pub group: String,
    /// The note's title, with the variant's label when it has one.
    pub title: String,
    /// What the code encodes, written out under it too.
    pub url: String,
}

/// What can go wrong once a font is loaded (nothing a request can cause).
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("the link cannot be a QR code: {0}")]
    Qr(String),
    #[error("the PDF cannot be written: {0}")]
    Pdf(String),
    #[error("the font cannot be read")]
    Font,
}

/// The PDF of `cards`, `per_page` to a page, in `font`; `title` names the
/// document (its metadata).
pub fn render(
    font: &LoadedFont,
    cards: &[Card],
    per_page: PerPage,
    title: &str,
) -> Result<Vec<u8>, PrintError> {
    let face = font.face().ok_or(PrintError::Font)?;
    let measure = Measure::new(face);
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("xhs-publisher".to_owned()),
    );
    let pages = cards.chunks(per_page.count().max(1));
    for chunk in pages {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PrintError::Font)?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        cut_marks(&mut surface, per_page);
        for (i, card) in chunk.iter().enumerate() {
            draw_card(&mut surface, font, &measure, per_page, i, card)?;
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| PrintError::Pdf(format!("{e:?}")))
}

fn black() -> Fill {
    Fill {
        paint: luma::Color::black().into(),
        ..Fill::default()
    }
}

fn grey() -> Fill {
    Fill {
        paint: luma::Color::new(90).into(),
        ..Fill::default()
    }
}

fn draw_card(
    surface: &mut Surface<'_>,
    font: &LoadedFont,
    m: &Measure<'_>,
    per_page: PerPage,
    i: usize,
    card: &Card,
) -> Result<(), PrintError> {
    let (x, y) = per_page.origin(i);
    let (w, _) = per_page.card();
    let cm = per_page.metrics();
    draw_qr(surface, &card.url, x + (w - cm.qr) / 2.0, y + cm.pad, cm.qr)?;
    let mut lines = Lines {
        surface,
        font,
        m,
        left: x,
        width: w,
        room: cm.text_w,
        baseline: y + cm.pad + cm.qr + cm.gap,
    };
    lines.centred(&card.name, cm.name, black());
    lines.centred(&card.group, cm.line, grey());
    lines.centred(&card.title, cm.line, black());
    let url = m.printable(&card.url);
    let size = shrink_to_lines(&url, cm.url, 3.5, cm.text_w, 2, |c| m.em(c));
    for l in wrap(&url, cm.text_w, |c| m.em(c) * size) {
        lines.centred(&l, size, grey());
    }
    Ok(())
}

/// Centred lines under a card's code, one below the other.
struct Lines<'s, 'p, 'f, 'd> {
    surface: &'s mut Surface<'p>,
    font: &'f LoadedFont,
    m: &'f Measure<'d>,
    left: f32,
    width: f32,
    /// The width text may take.
    room: f32,
    baseline: f32,
}

impl Lines<'_, '_, '_, '_> {
    fn centred(&mut self, text: &str, size: f32, fill: Fill) {
        self.baseline += lead(size);
        let m = self.m;
        let text = fit(&m.printable(text), self.room, |c| m.em(c) * size);
        if text.is_empty() {
            return;
        }
        let tw = m.width(&text, size);
        self.surface.set_fill(Some(fill));
        self.surface.draw_text(
            Point::from_xy(
                self.left + (self.width - tw) / 2.0,
                self.baseline - 0.25 * size,
            ),
            self.font.font.clone(),
            size,
            &text,
            false,
            TextDirection::Auto,
        );
    }
}

/// The code with its four-module quiet zone in a `side` square at (x, y):
/// each row's dark runs as one rectangle.
fn draw_qr(
    surface: &mut Surface<'_>,
    url: &str,
    x: f32,
    y: f32,
    side: f32,
) -> Result<(), PrintError> {
    let code = QrCode::new(url.as_bytes()).map_err(|e| PrintError::Qr(e.to_string()))?;
    let n = code.width();
    let module = side / (n + 8) as f32;
    let colors = code.to_colors();
    let mut pb = PathBuilder::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && colors[row * n + col] == Color::Dark {
                col += 1;
            }
            let rx = x + (start + 4) as f32 * module;
            let ry = y + (row + 4) as f32 * module;
            if let Some(r) = Rect::from_xywh(rx, ry, (col - start) as f32 * module, module) {
                pb.push_rect(r);
            }
        }
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(Some(black()));
        surface.set_stroke(None);
        surface.draw_path(&path);
    }
    Ok(())
}

/// Ticks in the margin at every cutting line and small crosses where
/// inner lines meet, in a thin grey line.
fn cut_marks(surface: &mut Surface<'_>, per_page: PerPage) {
    let (cols, rows) = per_page.grid();
    let (w, h) = per_page.card();
    let (tick, off, arm) = (9.0, 3.0, 4.0);
    let mut pb = PathBuilder::new();
    for c in 0..=cols {
        let x = MARGIN + c as f32 * w;
        pb.move_to(x, MARGIN - off - tick);
        pb.line_to(x, MARGIN - off);
        pb.move_to(x, PAGE_H - MARGIN + off);
        pb.line_to(x, PAGE_H - MARGIN + off + tick);
    }
    for r in 0..=rows {
        let y = MARGIN + r as f32 * h;
        pb.move_to(MARGIN - off - tick, y);
        pb.line_to(MARGIN - off, y);
        pb.move_to(PAGE_W - MARGIN + off, y);
        pb.line_to(PAGE_W - MARGIN + off + tick, y);
    }
    for c in 1..cols {
        for r in 1..rows {
            let (x, y) = (MARGIN + c as f32 * w, MARGIN + r as f32 * h);
            pb.move_to(x - arm, y);
            pb.line_to(x + arm, y);
            pb.move_to(x, y - arm);
            pb.line_to(x, y + arm);
        }
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: luma::Color::new(120).into(),
            width: 0.5,
            opacity: NormalizedF32::ONE,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}
