/// The app accepts at most 18 images in one note (many tools cap at 9; we warn above 9).
pub const MAX_IMAGES: usize = 18;

/// Reads an image list as stored or as the article's integrators send it: a JSON
/// array of strings, or a comma-separated string. Blank entries are dropped.
pub fn parse_image_list_text(s: &str) -> Vec<String> {
    let t = s.trim();
    if t.is_empty() {
        return Vec::new();
    }
    if t.starts_with('[') {
        if let Ok(v) = serde_json::from_str::<Vec<String>>(t) {
            return v
                .into_iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
        }
    }
    t.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_arrays_and_comma_lists_read_the_same() {
        let want = vec!["https://a/1.jpg".to_owned(), "https://a/2.jpg".to_owned()];
        assert_eq!(
            parse_image_list_text(r#"["https://a/1.jpg", "https://a/2.jpg"]"#),
            want
        );
        assert_eq!(
            parse_image_list_text("https://a/1.jpg, https://a/2.jpg,"),
            want
        );
        assert!(parse_image_list_text("  ").is_empty());
    }
}
