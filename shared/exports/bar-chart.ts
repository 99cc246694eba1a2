import { encodePng, fillRect, raster, type Rgb } from './png.js';

export interface BarChartSpec {
  /** One horizontal bar per value, top to bottom, each in a band of `bandPx` pixels (one worksheet row). */
  values: readonly number[];
  /** The value at the right edge. */
  max: number;
  /** Vertical grid lines dividing the width into this many equal parts (one worksheet column each). */
  divisions: number;
  /** A dashed red line at this value (the total threshold), bars below it drawn in orange. */
  threshold?: number;
  widthPx: number;
  bandPx: number;
}

const BLUE: Rgb = [68, 114, 196];
const ORANGE: Rgb = [237, 125, 49];
const GRID: Rgb = [217, 217, 217];
const AXIS: Rgb = [64, 64, 64];
const RED: Rgb = [192, 0, 0];

/**
 * Draws a horizontal bar chart as a PNG, without text: the labels live in the worksheet cells beside the image, one
 * row per bar, and the scale in the cells above the grid lines, so the picture stays readable at any zoom and needs no
 * font. Pure.
 */
export function barChartPng(spec: BarChartSpec): Buffer {
  const { widthPx: w, bandPx: band, max } = spec;
  const h = Math.max(1, spec.values.length) * band;
  const img = raster(w, h);
  const x = (value: number) => Math.max(0, Math.min(w, (value / max) * w));
  for (let k = 1; k < spec.divisions; k++) fillRect(img, (k * w) / spec.divisions, 0, (k * w) / spec.divisions + 1, h, GRID);
  fillRect(img, w - 1, 0, w, h, GRID);
  spec.values.forEach((value, i) => {
    const colour = spec.threshold !== undefined && value < spec.threshold ? ORANGE : BLUE;
    fillRect(img, 0, i * band + band * 0.22, x(value), (i + 1) * band - band * 0.22, colour);
  });
  if (spec.threshold !== undefined) {
    const t = x(spec.threshold);
    for (let y = 0; y < h; y += 10) fillRect(img, t - 1, y, t + 1, y + 6, RED);
  }
  fillRect(img, 0, 0, 2, h, AXIS);
  return encodePng(img);
}
