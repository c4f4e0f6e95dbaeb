/**
 * Real media bytes made in node, so uploads go through the server's actual
 * sniffing and decoding: PNG (pngjs), JPEG (jpeg-js), and a minimal MP4 with
 * the boxes the server checks (ftyp, then moov > trak > tkhd with a size).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** RGBA pixels: a diagonal gradient in one hue, so each photo looks different. */
function pixels(width, height, [r, g, b], noise = false) {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const t = (x + y) / (width + height);
      const n = noise ? Math.floor(Math.random() * 256) : 0;
      data[i] = noise ? n : Math.round(r * (0.4 + 0.6 * t));
      data[i + 1] = noise ? (n * 7) & 255 : Math.round(g * (0.4 + 0.6 * t));
      data[i + 2] = noise ? (n * 13) & 255 : Math.round(b * (0.4 + 0.6 * t));
      data[i + 3] = 255;
    }
  }
  return data;
}

/** A 3:4 PNG photo. `noise` makes it incompressible (for an over-the-limit upload). */
export function pngPhoto(width, height, rgb, { noise = false } = {}) {
  const png = new PNG({ width, height });
  pixels(width, height, rgb, noise).copy(png.data);
  return PNG.sync.write(png);
}

export function jpegPhoto(width, height, rgb) {
  return jpeg.encode({ data: pixels(width, height, rgb), width, height }, 85).data;
}

/**
 * A 12-megapixel camera JPEG of about 6 MB: a gradient with sensor grain,
 * which makes the original heavy, as a phone camera's is, while a
 * downscaled rendition of it compresses as a real photo's would.
 */
export function cameraPhoto(width = 4000, height = 3000, grain = 34, quality = 88) {
  const data = Buffer.alloc(width * height * 4);
  const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const t = 0.4 + (0.6 * (x + y)) / (width + height);
      const g = () => Math.floor(Math.random() * grain) - (grain >> 1);
      data[i] = clamp(Math.round(200 * t) + g());
      data[i + 1] = clamp(Math.round(140 * t) + g());
      data[i + 2] = clamp(Math.round(90 * t) + g());
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ data, width, height }, quality).data;
}

function box(type, ...parts) {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** `tkhd` version 0: 76 bytes of body, width and height (16.16 fixed point) last. */
function tkhd(width, height) {
  const b = Buffer.alloc(76);
  b.writeUInt32BE(3, 0); // version 0, flags: enabled | in movie
  b.writeUInt32BE(1, 12); // track id
  // unity matrix at offset 40
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => b.writeUInt32BE(v, 40 + i * 4));
  b.writeUInt32BE(width << 16, 68);
  b.writeUInt32BE(height << 16, 72);
  return box('tkhd', b);
}

function mvhd() {
  const b = Buffer.alloc(100);
  b.writeUInt32BE(1000, 12); // timescale
  b.writeUInt32BE(0x00010000, 20); // rate 1.0
  b.writeUInt16BE(0x0100, 24); // volume 1.0
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => b.writeUInt32BE(v, 36 + i * 4));
  b.writeUInt32BE(2, 96); // next track id
  return box('mvhd', b);
}

/** ftyp + moov(mvhd, trak(tkhd)) + a small mdat: what the server accepts as an MP4. */
export function minimalMp4(width = 720, height = 960) {
  const ftyp = box('ftyp', Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41'));
  const moov = box('moov', mvhd(), box('trak', tkhd(width, height)));
  const mdat = box('mdat', Buffer.alloc(64, 0));
  return Buffer.concat([ftyp, moov, mdat]);
}
