import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { barChartPng } from '../../shared/exports/bar-chart.js';
import { crc32, encodePng, fillRect, raster } from '../../shared/exports/png.js';

/** Decodes what encodePng writes (truecolour, filter 0), checking every chunk's CRC on the way. */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[]; chunks: string[] } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const chunks: string[] = [];
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    chunks.push(type);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 3 + 1) * height);
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3)];
  return { width, height, pixel, chunks };
}

describe('the hand-written PNG encoder', () => {
  test('computes the CRC-32 of ISO 3309 ("IEND" → ae426082)', () => {
    expect(crc32(Buffer.from('IEND', 'latin1')).toString(16)).toBe('ae426082');
  });

  test('writes a valid truecolour PNG that decodes back to the same pixels', () => {
    const img = raster(5, 3);
    fillRect(img, 1, 1, 3, 2, [10, 20, 30]);
    const png = decode(encodePng(img));
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([png.width, png.height]).toEqual([5, 3]);
    expect(png.pixel(0, 0)).toEqual([255, 255, 255]);
    expect(png.pixel(1, 1)).toEqual([10, 20, 30]);
    expect(png.pixel(2, 1)).toEqual([10, 20, 30]);
    expect(png.pixel(3, 1)).toEqual([255, 255, 255]);
  });
});

describe('the bar chart', () => {
  test('draws one bar per band, as long as its value on the scale, orange below the threshold, with the axis and the threshold line', () => {
    const png = decode(barChartPng({ values: [100, 50, 95], max: 100, divisions: 5, threshold: 90, widthPx: 200, bandPx: 20 }));
    expect([png.width, png.height]).toEqual([200, 60]);
    const mid = (band: number) => band * 20 + 10;
    expect(png.pixel(150, mid(0))).toEqual([68, 114, 196]); // 100 reaches the right edge, blue
    expect(png.pixel(60, mid(1))).toEqual([237, 125, 49]); // 50 is below 90: orange …
    expect(png.pixel(110, mid(1))).toEqual([255, 255, 255]); // … and stops at half the width
    expect(png.pixel(0, mid(1))).toEqual([64, 64, 64]); // the axis
    expect(png.pixel(180, 2)).toEqual([192, 0, 0]); // the threshold's dashed line at 90
    expect(png.pixel(120, 2)).toEqual([217, 217, 217]); // a grid line at 60
  });
});
