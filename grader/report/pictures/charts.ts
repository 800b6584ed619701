/** Charts as SVG, drawn by vega-lite at report time: no script and no network when the report is opened. */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { SmallArray } from '../../results/results.ts';
import type { Picture } from './png.ts';

/** The two sides every chart compares, in the same colours everywhere. */
export const SIDES = { submission: 'your output', reference: 'reference', data: 'data' } as const;
const COLOURS = { domain: [SIDES.submission, SIDES.reference, SIDES.data], range: ['#e45756', '#4c78a8', '#9d9d9d'] };

export type Series = { [label: string]: SmallArray | undefined };

const finite = (v: unknown): v is number => typeof v === 'number';

/** The figure's title names what is drawn; axis titles would repeat it. */
export function lineChart(series: Series): Promise<Picture> {
  const values = Object.entries(series).flatMap(([side, a]) => (a?.values ?? []).flatMap((y, x) => (finite(y) ? [{ x, y, side }] : [])));
  return svgPicture({
    data: { name: 'values' },
    mark: { type: 'line', point: values.length <= 60 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'step', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'y', type: 'quantitative', title: null, scale: { zero: false } },
      color: { field: 'side', type: 'nominal', scale: COLOURS, title: null },
      strokeDash: { field: 'side', type: 'nominal', legend: null },
    },
  }, { values });
}

export function barChart(series: Series): Promise<Picture> {
  const values = Object.entries(series).flatMap(([side, a]) => (a?.values ?? []).flatMap((y, i) => (finite(y) ? [{ side, i, y }] : [])));
  return svgPicture({
    data: { name: 'values' },
    mark: 'bar',
    encoding: {
      y: { field: 'side', type: 'nominal', title: null, sort: null },
      yOffset: { field: 'i', type: 'ordinal' },
      x: { field: 'y', type: 'quantitative', title: null },
      color: { field: 'side', type: 'nominal', scale: COLOURS, legend: null },
    },
  }, { values });
}

export function histogram(series: Series): Promise<Picture> {
  const values = Object.entries(series).flatMap(([side, a]) => (a?.values ?? []).flatMap((v) => (finite(v) ? [{ v, side }] : [])));
  return svgPicture({
    data: { name: 'values' },
    mark: { type: 'bar', opacity: 0.5, binSpacing: 0 },
    encoding: {
      x: { field: 'v', type: 'quantitative', bin: { maxbins: 30 }, title: null },
      y: { aggregate: 'count', type: 'quantitative', stack: null },
      color: { field: 'side', type: 'nominal', scale: COLOURS, title: null },
    },
  }, { values });
}

/** Points (first two coordinates) coloured by label, centers as crosses. */
export function scatter(points: SmallArray, labels: SmallArray | undefined, centers: SmallArray | undefined): Promise<Picture> {
  const rows = (a: SmallArray) => {
    const d = a.shape[a.shape.length - 1] ?? 1;
    return Array.from({ length: Math.floor(a.values.length / d) }, (_, i) => ({ x: a.values[i * d], y: a.values[i * d + 1], i }));
  };
  const dots = rows(points).map((p) => ({ ...p, label: String(labels?.values[p.i] ?? '?') })).filter((p) => finite(p.x) && finite(p.y));
  const crosses = centers ? rows(centers).filter((p) => finite(p.x) && finite(p.y)) : [];
  const axes = { x: { field: 'x', type: 'quantitative', scale: { zero: false } }, y: { field: 'y', type: 'quantitative', scale: { zero: false } } } as const;
  return svgPicture({
    layer: [
      { data: { name: 'dots' }, mark: { type: 'circle', size: 40 }, encoding: { ...axes, color: { field: 'label', type: 'nominal', title: 'label' } } },
      { data: { name: 'crosses' }, mark: { type: 'point', shape: 'cross', size: 200, color: 'black', filled: true }, encoding: axes },
    ],
  }, { dots, crosses });
}

/** Compiling a vega-lite spec and parsing the result costs more than drawing: done once per chart shape (a spec without its rows). */
const runtimes = new Map<string, vega.Runtime>();

/** `spec` names its data sources; `rows` fills them. */
async function svgPicture(spec: TopLevelSpec, rows: { [source: string]: object[] }): Promise<Picture> {
  const full = { width: 300, height: 180, background: 'white', ...spec } as TopLevelSpec;
  const shape = JSON.stringify(full);
  if (!runtimes.has(shape)) runtimes.set(shape, vega.parse(compile(full).spec));
  const view = new vega.View(runtimes.get(shape)!, { renderer: 'none' });
  for (const [source, values] of Object.entries(rows)) view.data(source, values);
  const svg = await view.toSVG();
  view.finalize();
  const [, width, height] = svg.match(/<svg[^>]*width="(\d+)"[^>]*height="(\d+)"/) ?? ['', '300', '180'];
  return { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width: Number(width), height: Number(height) };
}
