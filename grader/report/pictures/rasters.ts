/** Heatmaps and image grids drawn from small arrays. */
import type { SmallArray } from '../../results/results.ts';
import { diverging, gray, largestMagnitude, pngPicture, type Picture } from './png.ts';

/** Cells are drawn at least this many pixels wide; a report page is ~800 px. */
const TARGET_WIDTH = 240;

/** A 2-D view of any array: all leading axes as rows, the last as columns. */
export function rowsAndColumns(a: SmallArray): [number, number] {
  const cols = a.shape.length ? a.shape[a.shape.length - 1] : 1;
  return [Math.max(1, Math.ceil(a.values.length / Math.max(cols, 1))), Math.max(cols, 1)];
}

/** Signed values on a blue-white-red scale centred on zero, the strongest colour at `max` (by default the largest magnitude in `a`). */
export function heatmap(a: SmallArray, max = largestMagnitude(a.values)): Picture & { max: number } {
  const [rows, cols] = rowsAndColumns(a);
  const scale = Math.max(2, Math.min(24, Math.floor(TARGET_WIDTH / cols)));
  return { ...pngPicture(cols, rows, (x, y) => diverging(a.values[y * cols + x] ?? 0, max), scale), max };
}

/** Each image (a row, or a column when `columns`) reshaped to `[h, w]` and scaled to its own range, tiled with a one-pixel gap. */
export function imageGrid(a: SmallArray, [h, w]: number[], columns: boolean): Picture {
  const [rows, cols] = rowsAndColumns(a);
  const count = columns ? cols : rows;
  const pixelOf = (img: number, p: number) => a.values[columns ? p * cols + img : img * cols + p];
  const perRow = Math.min(count, Math.max(1, Math.ceil(Math.sqrt(count * 2))));
  const gridRows = Math.ceil(count / perRow);
  const [gw, gh] = [perRow * (w + 1) - 1, gridRows * (h + 1) - 1];
  const ranges = Array.from({ length: count }, (_, img) => range(Array.from({ length: h * w }, (_, p) => pixelOf(img, p))));
  const scale = Math.max(1, Math.min(16, Math.floor(TARGET_WIDTH / gw)));
  return pngPicture(
    gw,
    gh,
    (x, y) => {
      const [img, ix, iy] = [Math.floor(y / (h + 1)) * perRow + Math.floor(x / (w + 1)), x % (w + 1), y % (h + 1)];
      if (ix === w || iy === h || img >= count) return [255, 255, 255];
      return gray(pixelOf(img, iy * w + ix) ?? 0, ...ranges[img]);
    },
    scale,
  );
}

function range(values: SmallArray['values']): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number');
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
}
