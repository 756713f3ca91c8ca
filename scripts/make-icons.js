#!/usr/bin/env node
// Draws the add-in icon — a contract sheet whose three lines carry red, amber and green status
// dots — at the sizes Office asks for, as PNGs in assets/. Run: node scripts/make-icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const NAVY = [31, 78, 121];
const PAPER = [255, 255, 255];
const LINE = [150, 160, 172];
const RAG = [[192, 0, 0], [237, 125, 49], [0, 146, 69]];

// Signed distance to a rounded rectangle (negative inside), in unit coordinates.
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const hx = (right - left) / 2 - radius;
  const hy = (bottom - top) / 2 - radius;
  const dx = Math.abs(x - cx) - hx;
  const dy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
}

// The colour at a point of the unit square, or null where the icon is transparent.
function paint(x, y) {
  const border = 0.07;
  const outer = roundedRect(x, y, 0.14, 0.06, 0.86, 0.94, 0.1);
  if (outer > 0) return null;
  if (outer > -border) return NAVY;
  for (let i = 0; i < 3; i++) {
    const cy = 0.3 + i * 0.2;
    if (Math.hypot(x - 0.33, y - cy) <= 0.075) return RAG[i];
    if (roundedRect(x, y, 0.46, cy - 0.035, 0.74, cy + 0.035, 0.03) <= 0) return LINE;
  }
  return PAPER;
}

function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a++;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, "../assets");
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, render(size)));
console.log(`Wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
