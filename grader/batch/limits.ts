/**
 * What one submission may be, on disk or unpacked: a few source files. The
 * numbers are ten to a hundred times what a real submission needs and far
 * below what would hurt the grading machine.
 */
export const SUBMISSION_LIMITS = {
  /** Files in one submission (a course's submissions hold a handful). */
  maxFiles: 200,
  /** All files together, unpacked. */
  maxTotalBytes: 20 * 2 ** 20,
  /** Uncompressed / compressed size of one zip entry: text compresses ~5-10x; a zip bomb by thousands. */
  maxRatio: 100,
  /** Folders inside folders. */
  maxDepth: 8,
};
