// Draws Relance's icon (a white envelope with an amber "due" dot on a blue rounded square) at
// the sizes the stores and toolbars ask for, as PNG files in extension/public/icon/.
// Drawn from distance functions with 4×4 supersampling so each size is sharp, not scaled down.
// Run: node scripts/make-icons.mjs (the PNGs are committed; re-run only to change the drawing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../extension/public/icon');

const BLUE = [29, 78, 216];
const WHITE = [255, 255, 255];
const AMBER = [245, 158, 11];

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hx, hy) and radius r. */
function roundedBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment from (ax, ay) to (bx, by). */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** The colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(x, y, size) {
  if (roundedBox(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) > 0) return null;
  const dot = Math.hypot(x - 0.76, y - 0.27) - 0.15;
  if (dot < 0) return AMBER;
  // A ring of background around the dot so it reads apart from the envelope.
  if (dot < 0.05) return BLUE;
  const inEnvelope = roundedBox(x, y, 0.47, 0.56, 0.3, 0.21, 0.04) < 0;
  if (!inEnvelope) return BLUE;
  // The flap: a V from the top corners to the middle, thicker at small sizes to stay visible.
  const stroke = size <= 16 ? 0.07 : 0.045;
  const flap = Math.min(segment(x, y, 0.17, 0.35, 0.47, 0.6), segment(x, y, 0.47, 0.6, 0.77, 0.35));
  return flap < stroke ? BLUE : WHITE;
}

function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = resolve(OUT, `${size}.png`);
  writeFileSync(file, png(size, render(size)));
  console.log(file);
}
