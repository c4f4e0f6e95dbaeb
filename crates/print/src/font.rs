//! The CJK font a sheet is set in: the configured file (`print.font_path`)
//! or the first usable one in the usual system directories, read once and
//! kept. A font without Chinese glyphs is refused rather than printing boxes.
use skrifa::raw::FileRef;
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The setting that names the font, as an environment variable.
pub const FONT_SETTING: &str = "XHSPUB__PRINT__FONT_PATH";

/// Where Debian, Fedora, Arch and macOS put Noto Sans CJK, Source Han Sans
/// and WenQuanYi, in the order they are tried (simplified Chinese faces first).
pub const SYSTEM_FONTS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf",
    "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
];

/// Characters a face must have to set Chinese names and titles.
const PROBE: &str = "中文二维码班级姓名";

/// Why no font could be had; the caller answers 503 naming [`FONT_SETTING`].
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("print.font_path is unset and none of the usual CJK fonts is installed")]
    NotFound,
    #[error("{path}: {reason}")]
    Unusable { path: PathBuf, reason: String },
}

/// A face ready to set text: krilla's handle (embedded and subset on use)
/// and the bytes, for measuring.
#[derive(Clone)]
pub struct LoadedFont {
    pub(crate) font: krilla::text::Font,
    pub(crate) data: Arc<Vec<u8>>,
    pub(crate) index: u32,
    /// The face's family name (for the log).
    pub family: String,
    pub path: PathBuf,
}

impl LoadedFont {
    /// The face as the font reader sees it.
    pub(crate) fn face(&self) -> Option<FontRef<'_>> {
        FontRef::from_index(self.data.as_slice(), self.index).ok()
    }
}

/// The configured font path and the font, loaded on first use and kept.
pub struct FontSource {
    configured: Option<PathBuf>,
    loaded: OnceLock<LoadedFont>,
}

impl FontSource {
    /// `configured`: `print.font_path` (None or empty: search [`SYSTEM_FONTS`]).
    pub fn new(configured: Option<PathBuf>) -> Self {
        Self {
            configured: configured.filter(|p| !p.as_os_str().is_empty()),
            loaded: OnceLock::new(),
        }
    }

    /// The font, read on the first call; a failure is not kept, so a font
    /// installed later is found without a restart.
    pub fn get(&self) -> Result<LoadedFont, FontError> {
        if let Some(f) = self.loaded.get() {
            return Ok(f.clone());
        }
        let font = match &self.configured {
            Some(path) => load(path)?,
            None => search()?,
        };
        tracing::info!(path = %font.path.display(), family = %font.family, "print font loaded");
        Ok(self.loaded.get_or_init(|| font).clone())
    }
}

/// The first system font that loads.
fn search() -> Result<LoadedFont, FontError> {
    for p in SYSTEM_FONTS {
        let path = Path::new(p);
        if !path.is_file() {
            continue;
        }
        match load(path) {
            Ok(f) => return Ok(f),
            Err(e) => tracing::warn!(error = %e, "skipping a system font"),
        }
    }
    Err(FontError::NotFound)
}

/// Reads a TTF/OTF, or the best face of a TTC: one with Chinese glyphs,
/// a simplified Chinese one when the collection has it.
pub fn load(path: &Path) -> Result<LoadedFont, FontError> {
    let unusable = |reason: String| FontError::Unusable {
        path: path.to_owned(),
        reason,
    };
    let data = std::fs::read(path).map_err(|e| unusable(format!("cannot read it: {e}")))?;
    let (index, family) = best_face(&data).map_err(unusable)?;
    let data = Arc::new(data);
    let font = krilla::text::Font::new(data.clone().into(), index)
        .ok_or_else(|| unusable("the PDF writer cannot read the face".to_owned()))?;
    Ok(LoadedFont {
        font,
        data,
        index,
        family,
        path: path.to_owned(),
    })
}

/// The index and family name of the face to use.
fn best_face(data: &[u8]) -> Result<(u32, String), String> {
    let faces: Vec<FontRef<'_>> = match FileRef::new(data) {
        Ok(FileRef::Font(f)) => vec![f],
        Ok(FileRef::Collection(c)) => (0..c.len()).filter_map(|i| c.get(i).ok()).collect(),
        Err(e) => return Err(format!("not a TrueType/OpenType font: {e}")),
    };
    let mut usable: Vec<(u32, String)> = faces
        .iter()
        .enumerate()
        .filter(|(_, f)| PROBE.chars().all(|c| f.charmap().map(c).is_some()))
        .map(|(i, f)| (i as u32, family(f)))
        .collect();
    if usable.is_empty() {
        return Err("the font has no Chinese glyphs".to_owned());
    }
    let simplified = usable
        .iter()
        .position(|(_, name)| name.ends_with(" SC") || name.contains("SC "));
    Ok(usable.swap_remove(simplified.unwrap_or(0)))
}

fn family(f: &FontRef<'_>) -> String {
    f.localized_strings(StringId::FAMILY_NAME)
        .english_or_first()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_file_that_is_no_font_is_unusable_and_says_why() {
        let err = load(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("Cargo.toml")
                .as_path(),
        )
        .err()
        .unwrap();
        assert!(
            err.to_string().contains("not a TrueType/OpenType font"),
            "{err}"
        );
        let missing = FontSource::new(Some("/nonexistent/font.ttc".into()));
        assert!(matches!(missing.get(), Err(FontError::Unusable { .. })));
    }

    #[test]
    fn a_font_without_chinese_glyphs_is_refused() {
        // Any Latin-only system font; DejaVu comes with most Debian images.
        let latin = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if latin.is_file() {
            let err = load(latin).err().unwrap();
            assert!(err.to_string().contains("no Chinese glyphs"), "{err}");
        }
    }

    #[test]
    fn an_empty_setting_means_the_system_fonts() {
        assert!(FontSource::new(Some(PathBuf::new())).configured.is_none());
    }
}
