//! Advice on an image's shape: XHS crops and scales image notes towards 3:4
//! portrait and shows them at 1080 px wide (XHS_FACTS section 3), so an image
//! far from that shape or narrower than that looks cropped or soft.
use crate::Check;
use crate::Rule;

/// XHS's preferred aspect ratio, width over height.
pub const PREFERRED_ASPECT: f64 = 3.0 / 4.0;
/// How far (relative) from 3:4 an image may be before pre-flight warns.
pub const ASPECT_TOLERANCE: f64 = 0.15;
/// Narrower than this and the phone upscales.
pub const MIN_WIDTH: u32 = 1080;

/// Warnings about the image in `field` (e.g. `image_urls[0]`); empty when its
/// shape is fine.
pub fn image_shape_checks(field: &str, width: u32, height: u32) -> Vec<Check> {
    let mut checks = Vec::new();
    if width == 0 || height == 0 {
        return checks;
    }
    let aspect = f64::from(width) / f64::from(height);
    let off = (aspect - PREFERRED_ASPECT).abs() / PREFERRED_ASPECT;
    if off > ASPECT_TOLERANCE {
        checks.push(
            Check::warning(
                Rule::AspectRatio,
                field,
                format!(
                    "{field} is {width}x{height} ({:.0}% off the preferred 3:4); XHS will crop it",
                    off * 100.0
                ),
            )
            .size(width, height),
        );
    }
    if width < MIN_WIDTH {
        checks.push(
            Check::warning(
                Rule::MinWidth,
                field,
                format!(
                    "{field} is {width} px wide; at least {MIN_WIDTH} px looks sharp on phones"
                ),
            )
            .counts(width as usize, MIN_WIDTH as usize),
        );
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(w: u32, h: u32) -> Vec<Rule> {
        image_shape_checks("image_urls[0]", w, h)
            .iter()
            .map(|c| c.rule)
            .collect()
    }

    #[test]
    fn three_by_four_at_1080_is_fine() {
        assert!(rules(1080, 1440).is_empty());
        // 15% either way is tolerated.
        assert!(rules(1080, 1300).is_empty());
    }

    #[test]
    fn a_small_square_gets_both_warnings() {
        let checks = image_shape_checks("image_urls[2]", 1000, 1000);
        assert_eq!(rules(1000, 1000), [Rule::AspectRatio, Rule::MinWidth]);
        assert!(checks.iter().all(|c| c.level == crate::Level::Warning));
        assert!(checks.iter().all(|c| c.field == "image_urls[2]"));
        // The size is a field of its own: a UI words it without reading the message.
        assert_eq!(
            (checks[0].width, checks[0].height),
            (Some(1000), Some(1000))
        );
        assert_eq!(
            (checks[1].actual, checks[1].limit),
            (Some(1000), Some(1080))
        );
    }

    #[test]
    fn a_wide_landscape_photo_warns_about_the_ratio_only() {
        assert_eq!(rules(4032, 3024), [Rule::AspectRatio]);
    }
}
