//! QR codes for links, for the app to draw as SVG. The encoding is qrcodegen's (Project Nayuki's
//! reference encoder); this module chooses its settings and turns the symbol into one SVG path.
//!
//! The text is encoded as bytes (its UTF-8), in the smallest symbol (version) that holds it, at
//! error correction level M (a symbol survives about 15 % damage) or a higher level when that
//! still fits in the same version; the mask is the one the standard's penalty rules choose. So
//! the same text always gives the same symbol.

use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin around the symbol, in modules, that readers need: four, as the standard says.
pub const QUIET_ZONE: u32 = 4;

/// The most bytes a QR code holds at level M (version 40, byte mode).
pub const MAX_BYTES: usize = 2331;

/// A QR symbol: which modules are dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// The version, 1 to 40: the symbol is 17 + 4 × version modules across.
    pub version: u8,
    /// Modules across (and down), without the quiet zone.
    pub size: u32,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module in column `x`, row `y` (from the top left, from 0) is dark; modules
    /// outside the symbol are light.
    pub fn is_dark(&self, x: u32, y: u32) -> bool {
        x < self.size && y < self.size && self.dark[(y * self.size + x) as usize]
    }
}

/// What an SVG needs to draw a QR code: `<svg viewBox="0 0 side side">`, a light background
/// over the whole of it, and `<path d="path">` filled dark. Every coordinate is a whole number
/// of modules, so `shape-rendering="crispEdges"` keeps the edges sharp at any size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// The version, 1 to 40.
    pub version: u8,
    /// Modules across the symbol, without the quiet zone.
    pub size: u32,
    /// Modules across the drawing: the symbol and a quiet zone of [`QUIET_ZONE`] on each side.
    pub side: u32,
    /// The dark modules as SVG path data: one rectangle, `M x y h n v1 h -n z`, for each run of
    /// dark modules in a row, already moved in by the quiet zone.
    pub path: String,
}

/// The QR symbol for `text`, or why there can be none, in words.
pub fn matrix(text: &str) -> Result<QrMatrix, String> {
    let too_long = || {
        let unit = if text.is_ascii() { "characters" } else { "bytes" };
        format!("this link is too long for a QR code: it is {} {unit} long, and a QR code holds at most {MAX_BYTES}", text.len())
    };
    if text.len() > MAX_BYTES {
        return Err(too_long());
    }
    let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).map_err(|_| too_long())?;
    let size = code.size();
    let dark = (0..size).flat_map(|y| (0..size).map(move |x| (x, y))).map(|(x, y)| code.get_module(x, y)).collect();
    Ok(QrMatrix { version: code.version().value(), size: size.unsigned_abs(), dark })
}

/// The QR code for `url`, ready to draw as SVG, or why there can be none, in words.
pub fn svg(url: &str) -> Result<QrSvg, String> {
    let matrix = matrix(url)?;
    let mut path = String::new();
    for y in 0..matrix.size {
        let mut x = 0;
        while x < matrix.size {
            if !matrix.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < matrix.size && matrix.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE));
        }
    }
    Ok(QrSvg { version: matrix.version, size: matrix.size, side: matrix.size + 2 * QUIET_ZONE, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://example.org/readiness/#/share/1.24.eNpLTEoGAQrbAnc";

    /// Whether the 7 × 7 square from (x, y) is a finder pattern: a dark ring, a light ring and a
    /// dark 3 × 3 centre.
    fn finder_at(matrix: &QrMatrix, x: u32, y: u32) -> bool {
        (0..7).all(|dy| {
            (0..7).all(|dx| {
                let ring = dx.min(dy).min(6 - dx).min(6 - dy);
                matrix.is_dark(x + dx, y + dy) == (ring != 1)
            })
        })
    }

    #[test]
    fn the_smallest_version_that_holds_the_text() {
        // Byte-mode capacity at level M: 14 bytes in version 1, 26 in version 2, 2331 in 40.
        let version = |length: usize| matrix(&"a".repeat(length)).map(|matrix| (matrix.version, matrix.size));
        assert_eq!(version(0), Ok((1, 21)));
        assert_eq!(version(14), Ok((1, 21)));
        assert_eq!(version(15), Ok((2, 25)));
        assert_eq!(version(26), Ok((2, 25)));
        assert_eq!(version(27), Ok((3, 29)));
        assert_eq!(version(MAX_BYTES), Ok((40, 177)));
        assert_eq!(version(MAX_BYTES + 1), Err("this link is too long for a QR code: it is 2332 characters long, and a QR code holds at most 2331".to_owned()));
        let accented = "é".repeat(1200);
        assert_eq!(
            svg(&accented).map(|svg| svg.side),
            Err("this link is too long for a QR code: it is 2400 bytes long, and a QR code holds at most 2331".to_owned())
        );
    }

    #[test]
    fn a_share_link_has_finder_patterns_in_three_corners() {
        assert_eq!(LINK.len(), 58);
        let matrix = matrix(LINK).expect("a QR code");
        // 58 bytes: more than version 3 holds at level M (42), within version 4 (62).
        assert_eq!((matrix.version, matrix.size), (4, 33));
        let far = matrix.size - 7;
        assert!(finder_at(&matrix, 0, 0) && finder_at(&matrix, far, 0) && finder_at(&matrix, 0, far));
        assert!(!finder_at(&matrix, far, far), "the bottom right corner has none");
        // The separators around them are light, and the timing patterns alternate between them.
        assert!((0..8).all(|i| !matrix.is_dark(7, i) && !matrix.is_dark(i, 7) && !matrix.is_dark(far - 1, i) && !matrix.is_dark(i, far - 1)));
        assert!((8..far).all(|i| matrix.is_dark(i, 6) == (i % 2 == 0) && matrix.is_dark(6, i) == (i % 2 == 0)));
        // The dark module beside the bottom left finder pattern, at (8, 4 × version + 9).
        assert!(matrix.is_dark(8, 4 * u32::from(matrix.version) + 9));
        assert!(!matrix.is_dark(matrix.size, 0) && !matrix.is_dark(0, matrix.size), "outside is light");
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_the_quiet_zone() {
        let drawn = svg(LINK).expect("a QR code");
        let matrix = matrix(LINK).expect("a QR code");
        assert_eq!((drawn.version, drawn.size, drawn.side), (4, 33, 41));
        let mut dark = vec![false; (drawn.side * drawn.side) as usize];
        for rectangle in drawn.path.split('z').filter(|part| !part.is_empty()) {
            // M x y h n v1 h -n
            let rest = rectangle.strip_prefix('M').expect("starts with M");
            let (at, rest) = rest.split_once('h').expect("h");
            let (run, rest) = rest.split_once("v1h-").expect("v1h-");
            assert_eq!(run, rest, "{rectangle}: back to where it started");
            let (x, y) = at.split_once(' ').expect("x y");
            let (x, y, run): (u32, u32, u32) = (x.parse().expect("x"), y.parse().expect("y"), run.parse().expect("n"));
            for column in x..x + run {
                assert!(!dark[(y * drawn.side + column) as usize], "{rectangle} overlaps");
                dark[(y * drawn.side + column) as usize] = true;
            }
        }
        for y in 0..drawn.side {
            for x in 0..drawn.side {
                let inside = (QUIET_ZONE..QUIET_ZONE + drawn.size).contains(&x) && (QUIET_ZONE..QUIET_ZONE + drawn.size).contains(&y);
                let expected = inside && matrix.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                assert_eq!(dark[(y * drawn.side + x) as usize], expected, "({x}, {y})");
            }
        }
        assert!(drawn.path.starts_with("M4 4h7v1h-7z"), "the top left finder pattern's first row: {}", &drawn.path[..40]);
        assert_eq!(svg(LINK), Ok(drawn), "the same text gives the same symbol");
    }
}
