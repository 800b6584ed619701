import { describe, expect, it } from 'vitest';
import { listAssignments, loadAssignment } from '../../grader/definition/load-assignment.ts';
import { loadFixtures } from '../../grader/fixtures/load-fixtures.ts';
import { differenceGrid } from '../../grader/judge/difference-grid.ts';
import type { NdArray } from '../../grader/judge/observed.ts';
import { collectPictures } from '../../grader/report/pictures/collect-pictures.ts';
import { drawPicture } from '../../grader/report/pictures/draw-picture.ts';

const names = listAssignments();

describe("assignments' pictures", () => {
  it('scans every assignment', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it.each(names)('%s: each picture names a public case and finds every channel in its fixture, and draws', async (name) => {
    const a = loadAssignment(name);
    const { cases } = loadFixtures(a);
    const declared = a.manifest.pictures ?? [];
    const collected = collectPictures(a.manifest, cases, new Map());
    expect(collected.map((p) => p.id)).toEqual(declared.map((p) => p.id));
    for (const [i, p] of collected.entries()) {
      expect(Object.keys(p.reference).sort(), `${name} picture ${p.id}`).toEqual(Object.keys(declared[i].data).sort());
      expect(p.submission).toBeUndefined();
      const figure = await drawPicture(p);
      expect(figure.panels.length).toBeGreaterThan(0);
      for (const panel of figure.panels) expect(panel.width * panel.height).toBeGreaterThan(0);
    }
  });
});

const nd = (shape: number[], values: number[]): NdArray => ({ kind: 'ndarray', dtype: 'float32', shape, data: Float32Array.from(values) });

describe('difference grid', () => {
  it('keeps small arrays cell for cell, as actual - expected', () => {
    expect(differenceGrid(nd([2, 2], [1, 2, 3, 4]), nd([2, 2], [1, 0, 3, 5]))).toEqual({ shape: [2, 2], values: [0, 2, 0, -1] });
  });

  it('pools a large array so that one wrong element keeps its full difference', () => {
    const expected = new Array(100 * 100).fill(0);
    const actual = [...expected];
    actual[57 * 100 + 3] = -7;
    const grid = differenceGrid(nd([100, 100], actual), nd([100, 100], expected))!;
    expect(grid.shape).toEqual([24, 24]);
    expect(grid.values.filter((v) => v !== 0)).toEqual([-7]);
  });

  it('marks a NaN where it is, whatever else shares its cell', () => {
    const grid = differenceGrid(nd([1, 48], [NaN, ...new Array(47).fill(5)]), nd([1, 48], new Array(48).fill(0)))!;
    expect(grid.values[0]).toBe('NaN');
  });
});
