/** How hw6's messages name channels and positions: pixels as (row,col), channels of RGB images by colour. */

/** R, G, B: the channel groups of an RGB image, in raster order within a pixel. */
export const CHANNEL_GROUPS = ['R', 'G', 'B'];

/** `pixel (2,3) channel G` for flat index `at` of one [H,W,C] image; no channel when C = 1. */
export function position(at: number, W: number, C: number): string {
  const [pixel, c] = [Math.floor(at / C), at % C];
  const where = `pixel (${Math.floor(pixel / W)},${pixel % W})`;
  return C === 3 ? `${where} channel ${CHANNEL_GROUPS[c]}` : where;
}
