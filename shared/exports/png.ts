import { deflateSync } from 'node:zlib';

/** An RGB raster: `width × height` pixels, 3 bytes each, row by row from the top. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export type Rgb = readonly [number, number, number];

/** A blank raster filled with one colour. */
export function raster(width: number, height: number, fill: Rgb = [255, 255, 255]): Raster {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set(fill, i);
  return { width, height, pixels };
}

/** Fills a rectangle (clipped to the raster); coordinates in pixels, right and bottom exclusive. */
export function fillRect(r: Raster, x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
  const [xa, xb] = [Math.max(0, Math.round(x0)), Math.min(r.width, Math.round(x1))];
  const [ya, yb] = [Math.max(0, Math.round(y0)), Math.min(r.height, Math.round(y1))];
  for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) r.pixels.set(colour, (y * r.width + x) * 3);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * Encodes a raster as a PNG (8-bit truecolour, no interlace): signature, IHDR, one IDAT deflated with node:zlib,
 * IEND. Each scanline is stored with filter type 0 (none).
 */
export function encodePng(r: Raster): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(r.width, 0);
  header.writeUInt32BE(r.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  const stride = r.width * 3;
  const scanlines = Buffer.alloc((stride + 1) * r.height);
  for (let y = 0; y < r.height; y++) scanlines.set(r.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines)), chunk('IEND', new Uint8Array(0))]);
}
