//! Pictures as PDF image objects: a JPEG's bytes as they are (`DCTDecode`, never decoded), a
//! PNG decoded (the `png` crate, within a memory limit) and compressed again, its transparency
//! as a soft mask. Each is turned upright from the way its camera says it was held (the EXIF
//! orientation), by the page's drawing matrix rather than by moving pixels.

use std::io::{Cursor, Write};

use lopdf::{dictionary, Object, Stream};

/// Most bytes a PNG may decode to: a 60-megapixel picture with transparency, the most the app
/// keeps.
const MAX_DECODED_BYTES: usize = 60_000_000 * 4 + 1024 * 1024;

/// A picture ready to be placed: its image object (and soft mask), its size in pixels as
/// stored, and how it must be turned to stand upright.
#[derive(Debug)]
pub(super) struct Picture {
    pub image: Stream,
    pub mask: Option<Stream>,
    pub width: u32,
    pub height: u32,
    /// EXIF orientation, 1 to 8 (1: as stored).
    pub orientation: u8,
}

impl Picture {
    /// Width and height once upright: orientations 5 to 8 turn it a quarter.
    pub fn upright_size(&self) -> (f32, f32) {
        let (w, h) = (self.width as f32, self.height as f32);
        if self.orientation >= 5 {
            (h, w)
        } else {
            (w, h)
        }
    }

    /// The matrix that draws the unit-square image upright in a box `w` by `h` at (`x`, `y`)
    /// (PDF user space, `y` up). EXIF orientations, as the TIFF standard numbers them.
    pub fn matrix(&self, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
        match self.orientation {
            2 => [-w, 0.0, 0.0, h, x + w, y],
            3 => [-w, 0.0, 0.0, -h, x + w, y + h],
            4 => [w, 0.0, 0.0, -h, x, y + h],
            5 => [0.0, -h, -w, 0.0, x + w, y + h],
            6 => [0.0, -h, w, 0.0, x, y + h],
            7 => [0.0, h, w, 0.0, x, y],
            8 => [0.0, h, -w, 0.0, x + w, y],
            _ => [w, 0.0, 0.0, h, x, y],
        }
    }
}

/// A JPEG as an image object, its data untouched.
pub(super) fn jpeg(bytes: &[u8]) -> Result<Picture, &'static str> {
    let frame = jpeg_frame(bytes).ok_or(DAMAGED)?;
    let space = match frame.components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => "DeviceCMYK",
        _ => return Err(DAMAGED),
    };
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(frame.width),
        "Height" => i64::from(frame.height),
        "ColorSpace" => space,
        "BitsPerComponent" => 8,
        "Filter" => "DCTDecode",
    };
    // Photoshop and other Adobe programs store CMYK JPEGs inverted.
    if frame.components == 4 && frame.adobe {
        let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(Object::Integer).to_vec();
        dict.set("Decode", Object::Array(decode));
    }
    let mut image = Stream::new(dict, bytes.to_vec());
    image.allows_compression = false;
    Ok(Picture {
        image,
        mask: None,
        width: u32::from(frame.width),
        height: u32::from(frame.height),
        orientation: frame.orientation,
    })
}

const DAMAGED: &str = "the picture is damaged and cannot be read";

/// What a JPEG's markers say, read without decoding any image data.
struct Frame {
    width: u16,
    height: u16,
    components: u8,
    adobe: bool,
    orientation: u8,
}

/// The start-of-frame marker's size and components, the Adobe marker and the EXIF
/// orientation; the markers are walked by their lengths.
fn jpeg_frame(bytes: &[u8]) -> Option<Frame> {
    let mut at = 2;
    let mut adobe = false;
    let mut orientation = 1;
    loop {
        while *bytes.get(at)? != 0xFF {
            at += 1;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let marker = *bytes.get(at)?;
        at += 1;
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD9 || marker == 0xDA {
            return None;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        let body = bytes.get(at + 2..at + len.max(2))?;
        match marker {
            0xE1 if body.starts_with(b"Exif\0\0") => {
                orientation = exif_orientation(&body[6..]).unwrap_or(1);
            }
            0xEE if body.starts_with(b"Adobe") => adobe = true,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let height = u16::from_be_bytes([*body.get(1)?, *body.get(2)?]);
                let width = u16::from_be_bytes([*body.get(3)?, *body.get(4)?]);
                // A side of 0 (a height given later, or damage) cannot be scaled onto a page.
                if height == 0 || width == 0 {
                    return None;
                }
                return Some(Frame {
                    height,
                    width,
                    components: *body.get(5)?,
                    adobe,
                    orientation,
                });
            }
            _ => {}
        }
        at += len.max(2);
    }
}

/// The orientation tag (0x0112) of a TIFF structure's first directory, as EXIF keeps it: 1 to
/// 8, or `None` when it is missing or out of range.
pub(super) fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let big = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries).find_map(|i| {
        let entry = ifd.checked_add(2 + i * 12)?;
        (u16_at(entry)? == 0x0112 && u16_at(entry + 2)? == 3)
            .then(|| u16_at(entry + 8))
            .flatten()
            .and_then(|v| u8::try_from(v).ok())
            .filter(|v| (1..=8).contains(v))
    })
}

/// A PNG decoded to 8-bit grey or RGB, with any transparency as a soft mask.
pub(super) fn png(bytes: &[u8]) -> Result<Picture, &'static str> {
    let limits = png::Limits {
        bytes: MAX_DECODED_BYTES,
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|_| DAMAGED)?;
    let orientation = reader
        .info()
        .exif_metadata
        .as_deref()
        .and_then(exif_orientation)
        .unwrap_or(1);
    // The decoder's limits do not cover the buffer it is decoded into, so that is checked here.
    let size = reader.output_buffer_size().ok_or(DAMAGED)?;
    if size == 0 || size > MAX_DECODED_BYTES {
        return Err(DAMAGED);
    }
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(|_| DAMAGED)?;
    pixels.truncate(frame.buffer_size());
    let (channels, space) = match frame.color_type {
        png::ColorType::Grayscale => (1, "DeviceGray"),
        png::ColorType::GrayscaleAlpha => (2, "DeviceGray"),
        png::ColorType::Rgb => (3, "DeviceRGB"),
        png::ColorType::Rgba => (4, "DeviceRGB"),
        png::ColorType::Indexed => return Err(DAMAGED),
    };
    let has_alpha = channels % 2 == 0;
    let (colour, alpha) = if has_alpha {
        split_alpha(&pixels, channels)
    } else {
        (pixels, Vec::new())
    };
    let mask = has_alpha
        .then(|| image_stream(frame.width, frame.height, "DeviceGray", &alpha))
        .transpose()?;
    Ok(Picture {
        image: image_stream(frame.width, frame.height, space, &colour)?,
        mask,
        width: frame.width,
        height: frame.height,
        orientation,
    })
}

/// Colour and alpha apart: PDF keeps transparency as a separate grey image.
fn split_alpha(pixels: &[u8], channels: usize) -> (Vec<u8>, Vec<u8>) {
    let count = pixels.len() / channels;
    let mut colour = Vec::with_capacity(count * (channels - 1));
    let mut alpha = Vec::with_capacity(count);
    for px in pixels.chunks_exact(channels) {
        colour.extend_from_slice(&px[..channels - 1]);
        alpha.push(px[channels - 1]);
    }
    (colour, alpha)
}

/// 8-bit samples as a Flate-compressed image object (a quick level: pictures are large and
/// compress little further at the slow ones).
fn image_stream(
    width: u32,
    height: u32,
    space: &str,
    samples: &[u8],
) -> Result<Stream, &'static str> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(samples).map_err(|_| DAMAGED)?;
    let data = encoder.finish().map_err(|_| DAMAGED)?;
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(width),
        "Height" => i64::from(height),
        "ColorSpace" => space,
        "BitsPerComponent" => 8,
        "Filter" => "FlateDecode",
    };
    let mut stream = Stream::new(dict, data);
    stream.allows_compression = false;
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_orientation_is_read_from_either_byte_order() {
        // II*\0, first directory at 8, one entry: orientation (SHORT, count 1) = 6.
        let le = [
            b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,
        ];
        assert_eq!(exif_orientation(&le), Some(6));
        let be = [
            b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0,
        ];
        assert_eq!(exif_orientation(&be), Some(8));
        assert_eq!(exif_orientation(&le[..12]), None);
        assert_eq!(exif_orientation(b"nonsense"), None);
    }

    #[test]
    fn a_quarter_turn_swaps_width_and_height() {
        let picture = Picture {
            image: Stream::new(dictionary! {}, Vec::new()),
            mask: None,
            width: 40,
            height: 30,
            orientation: 6,
        };
        assert_eq!(picture.upright_size(), (30.0, 40.0));
        // Orientation 6 (stored turned a quarter anticlockwise): the image's top edge lands
        // on the box's right side.
        let [a, b, c, d, e, f] = picture.matrix(10.0, 20.0, 30.0, 40.0);
        let at = |u: f32, v: f32| (a * u + c * v + e, b * u + d * v + f);
        assert_eq!(at(0.0, 1.0), (40.0, 60.0), "top-left of the image");
        assert_eq!(at(0.0, 0.0), (10.0, 60.0), "bottom-left of the image");
    }
}
