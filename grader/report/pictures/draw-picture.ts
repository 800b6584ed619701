/** A manifest's picture drawn from its data: the submission's side beside (or over) the reference's. */
import type { PictureData, SmallArray } from '../../results/results.ts';
import { barChart, histogram, lineChart, scatter, SIDES, type Series } from './charts.ts';
import { num } from '../helpers.ts';
import { largestMagnitude, type Picture } from './png.ts';
import { heatmap, imageGrid } from './rasters.ts';

export interface Panel extends Picture {
  label: string;
}

export interface Figure extends Omit<PictureData, 'reference' | 'submission'> {
  panels: Panel[];
  /** Why the submission's side is missing or incomplete. */
  note?: string;
}

type Channels = PictureData['reference'];

export async function drawPicture(p: PictureData): Promise<Figure> {
  const { reference, submission, ...rest } = p;
  const missing = missingChannels(reference, submission);
  const note = !submission ? 'Your code returned nothing readable for this case: only the reference is drawn.' : missing.length ? `Your output has no ${missing.join(', ')}.` : undefined;
  return { ...rest, panels: await panelsOf(p, reference, submission), ...(note ? { note } : {}) };
}

function missingChannels(reference: Channels, submission: Channels | undefined): string[] {
  return submission ? Object.keys(reference).filter((k) => !(k in submission)) : [];
}

async function panelsOf(p: PictureData, reference: Channels, submission: Channels | undefined): Promise<Panel[]> {
  const both = (channel: string): Series => ({ [SIDES.submission]: submission?.[channel], [SIDES.reference]: reference[channel] });
  switch (p.kind) {
    case 'line':
      return [{ label: '', ...(await lineChart(both('y'))) }];
    case 'bars':
      return [{ label: '', ...(await barChart(both('y'))) }];
    case 'histogram':
      return [{ label: '', ...(await histogram({ ...both('values'), [SIDES.data]: reference.data })) }];
    default:
      return sideBySide(p, reference, submission);
  }
}

/** Pictures that cannot be overlaid (points, images, heatmaps) are drawn once per side; heatmaps on one colour scale, so that a wrong magnitude shows. */
async function sideBySide(p: PictureData, reference: Channels, submission: Channels | undefined): Promise<Panel[]> {
  const sides: [string, Channels | undefined][] = [
    [SIDES.submission, submission],
    [SIDES.reference, reference],
  ];
  const max = Math.max(...sides.map(([, c]) => largestMagnitude(c?.values?.values ?? [])));
  const panels: Panel[] = [];
  for (const [label, channels] of sides) {
    const picture = channels && (await drawOne(p, channels, max));
    if (picture) panels.push({ label: p.kind === 'heatmap' ? `${label} (strongest colour: ${num(max)})` : label, ...picture });
  }
  return panels;
}

async function drawOne(p: PictureData, c: Channels, max: number): Promise<Picture | undefined> {
  const shaped = (a: SmallArray | undefined) => (a && a.values.length ? a : undefined);
  if (p.kind === 'scatter') return shaped(c.points) && scatter(c.points, c.labels, c.centers);
  if (p.kind === 'image-grid') return shaped(c.images) && imageGrid(c.images, p.imageShape ?? squareOf(c.images, p.imagesAreColumns), p.imagesAreColumns ?? false);
  return shaped(c.values) && heatmap(c.values, max);
}

/** Images of an unknown shape are taken as square. */
function squareOf(a: SmallArray, columns = false): number[] {
  const side = Math.round(Math.sqrt((columns ? a.shape[0] : a.shape[a.shape.length - 1]) ?? 1));
  return [side, side];
}
