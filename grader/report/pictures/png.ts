/** Pixel pictures (image grids, heatmaps) as PNG data URIs, so the HTML report needs no other file. */
import { encode } from 'fast-png';
import type { JsonNumber } from '../../results/results.ts';

export interface Picture {
  src: string;
  width: number;
  height: number;
}

export type Rgb = [number, number, number];

/** An RGB raster at one pixel per cell, shown `scale` times larger (the HTML draws it with crisp, unsmoothed pixels). */
export function pngPicture(width: number, height: number, pixel: (x: number, y: number) => Rgb, scale: number): Picture {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  }
  const png = encode({ width, height, data, channels: 3, depth: 8 });
  return { src: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, width: width * scale, height: height * scale };
}

/** Blue for negative, white for zero, red for positive, scaled by `max`; non-finite values black. */
export function diverging(v: JsonNumber, max: number): Rgb {
  if (typeof v !== 'number') return [0, 0, 0];
  const t = max > 0 ? Math.max(-1, Math.min(1, v / max)) : 0;
  const fade = (c: number) => Math.round(255 - (255 - c) * Math.abs(t));
  return t >= 0 ? [255, fade(40), fade(40)] : [fade(40), fade(90), 255];
}

/** Black to white over [lo, hi]; non-finite values red so that they stand out. */
export function gray(v: JsonNumber, lo: number, hi: number): Rgb {
  if (typeof v !== 'number') return [220, 0, 0];
  const g = Math.round(255 * (hi > lo ? (v - lo) / (hi - lo) : 0.5));
  return [g, g, g];
}

export function largestMagnitude(values: JsonNumber[]): number {
  return values.reduce<number>((m, v) => (typeof v === 'number' ? Math.max(m, Math.abs(v)) : m), 0);
}
