import { readFileSync } from 'node:fs';
import { solutionBody, type Variant } from '../../grader/staff/api.ts';

const reference = readFileSync(new URL('./pixelcnn.ts', import.meta.url), 'utf8');

const MASK_USERS = ['createMask', 'pixelCnnForward', 'sample'];
const FORWARD_USERS = ['pixelCnnForward', 'sample'];

/** Realistic hw6 bugs, each an edit of the reference, with the parts it must cost. */
export const bugs: Variant[] = [
  {
    name: 'type-b-first-layer',
    description: 'every layer is type B, the first included: each output sees the value it predicts',
    edits: [{ find: "l === 0 ? 'A' : 'B'", replace: "'B'" }],
    loses: FORWARD_USERS,
  },
  {
    name: 'centre-row-off-by-one',
    description: 'the centre row is taken as (kh + 1) / 2, one row too low (1-based counting)',
    edits: [{ find: 'const [ci, cj] = [Math.floor(kh / 2), Math.floor(kw / 2)];', replace: 'const [ci, cj] = [(kh + 1) / 2, Math.floor(kw / 2)];' }],
    loses: MASK_USERS,
  },
  {
    name: 'rows-below-kept',
    description: 'every row but the centre row is kept, the rows below the centre included',
    edits: [{ find: 'const past = r < ci || (r === ci && s < cj);', replace: 'const past = r !== ci || (r === ci && s < cj);' }],
    loses: MASK_USERS,
  },
  {
    name: 'centre-column-not-floored',
    description: 'the centre column is kw / 2 (not floored): the centre tap counts as left of the centre and is always kept',
    edits: [{ find: 'const [ci, cj] = [Math.floor(kh / 2), Math.floor(kw / 2)];', replace: 'const [ci, cj] = [Math.floor(kh / 2), kw / 2];' }],
    loses: MASK_USERS,
  },
  {
    name: 'g-sees-b',
    description: 'the centre-tap comparison of channel groups is reversed: G sees B, R sees G and B',
    edits: [{ find: "return type === 'A' ? gi < go : gi <= go;", replace: "return type === 'A' ? gi > go : gi >= go;" }],
    loses: MASK_USERS,
  },
  {
    name: 'r-sees-r-in-type-a',
    description: "with groups 3, type A keeps the centre tap within a group (R sees R): only groups 1 drops it",
    edits: [{ find: "return type === 'A' ? gi < go : gi <= go;", replace: "return type === 'A' && groups === 1 ? false : gi <= go;" }],
    loses: MASK_USERS,
  },
  {
    name: 'groups-interleaved',
    description: 'channel groups interleaved (channel % 3) instead of contiguous blocks',
    edits: [{ find: 'Math.floor(channel / (count / groups))', replace: 'channel % groups' }],
    loses: MASK_USERS,
  },
  {
    name: 'mask-not-applied',
    description: 'maskedConv2d convolves with the raw filters',
    edits: [{ find: 'tf.conv2d(x, tf.mul(filters, mask) as tf.Tensor4D, 1, \'same\')', replace: "tf.conv2d(x, filters, 1, 'same')" }],
    loses: ['maskedConv2d', ...FORWARD_USERS],
  },
  {
    name: 'output-reshaped-k-c',
    description: 'the last layer reshaped as [.., K, C] and transposed, so the logits of a channel are interleaved with the others',
    edits: [{ find: 'return tf.reshape(h, [n, H, W, C, K]) as tf.Tensor5D;', replace: 'return tf.transpose(tf.reshape(h, [n, H, W, K, C]), [0, 1, 2, 4, 3]) as tf.Tensor5D;' }],
    loses: FORWARD_USERS,
  },
  {
    name: 'relu-after-last-layer',
    description: 'a ReLU after the last layer too, so no logit is negative',
    edits: [{ find: 'h = l === last ? y : tf.relu(y);', replace: 'h = tf.relu(y);' }],
    loses: FORWARD_USERS,
  },
  {
    name: 'bits-softmax-wrong-axis',
    description: 'bitsPerDim normalises the logits over the channel axis instead of the K levels',
    edits: [{ find: 'tf.logSoftmax(logits)', replace: 'tf.sub(logits, tf.logSumExp(logits, 3, true))' }],
    loses: ['bitsPerDim'],
  },
  {
    name: 'bits-in-nats',
    description: 'bitsPerDim forgets to divide by ln 2',
    edits: [{ find: 'return value / Math.LN2;', replace: 'return value;' }],
    loses: ['bitsPerDim'],
  },
  {
    name: 'bits-mean-over-pixels',
    description: 'bitsPerDim divides the total by H*W only, not by n*H*W*C',
    edits: [
      {
        find: 'tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(x, K), tf.logSoftmax(logits)), -1)))',
        replace: 'tf.div(tf.neg(tf.sum(tf.mul(tf.oneHot(x, K), tf.logSoftmax(logits)))), logits.shape[1] * logits.shape[2])',
      },
    ],
    loses: ['bitsPerDim'],
  },
  {
    name: 'sample-softmax-wrong-axis',
    description: 'sample normalises over the images of the batch instead of the K levels',
    edits: [{ find: 'return tf.softmax(tf.reshape(logits, [n, K]));', replace: 'const l = tf.reshape(logits, [n, K]);\n          return tf.exp(tf.sub(l, tf.logSumExp(l, 0, true)));' }],
    loses: ['sample'],
  },
  {
    name: 'sample-argmax',
    description: 'sample takes the most probable level instead of drawing with u',
    edits: [
      {
        find: `          let level = 0;
          let cumulative = p[b * K];
          while (level < K - 1 && cumulative <= draws[at]) {
            level++;
            cumulative += p[b * K + level];
          }
          levels[at] = level;`,
        replace: `          const row = Array.from(p.subarray(b * K, (b + 1) * K));
          levels[at] = row.indexOf(Math.max(...row));`,
      },
    ],
    loses: ['sample'],
  },
  {
    name: 'sample-column-major',
    description: 'sample visits the pixels column by column',
    edits: [{ find: 'for (let i = 0; i < H; i++) {\n    for (let j = 0; j < W; j++) {', replace: 'for (let j = 0; j < W; j++) {\n    for (let i = 0; i < H; i++) {' }],
    loses: ['sample'],
  },
  {
    name: 'sample-levels-not-scaled',
    description: 'sample feeds the raw levels 0..K-1 to the net instead of levels / (K-1)',
    edits: [{ find: "tf.div(tf.tensor4d(levels, [n, H, W, C], 'float32'), K - 1) as tf.Tensor4D", replace: "tf.tensor4d(levels, [n, H, W, C], 'float32')" }],
    loses: ['sample'],
  },
];

/** Correct implementations written differently from the reference: they must get 100. */
export const alternatives: Variant[] = [
  {
    name: 'mask-from-tensor-ops',
    description: 'createMask from broadcast comparisons of tf.range index tensors instead of loops',
    edits: [
      {
        find: solutionBody(reference, 'createMask'),
        replace: `  return tf.tidy(() => {
    const [ci, cj] = [Math.floor(kh / 2), Math.floor(kw / 2)];
    const r = tf.reshape(tf.range(0, kh), [kh, 1, 1, 1]);
    const s = tf.reshape(tf.range(0, kw), [1, kw, 1, 1]);
    const gi = tf.reshape(tf.floorDiv(tf.range(0, inC, 1, 'int32'), inC / groups), [1, 1, inC, 1]);
    const go = tf.reshape(tf.floorDiv(tf.range(0, outC, 1, 'int32'), outC / groups), [1, 1, 1, outC]);
    const past = tf.logicalOr(tf.less(r, ci), tf.logicalAnd(tf.equal(r, ci), tf.less(s, cj)));
    const centre = tf.logicalAnd(tf.equal(r, ci), tf.equal(s, cj));
    const allowed = type === 'A' ? tf.less(gi, go) : tf.lessEqual(gi, go);
    const keep = tf.logicalOr(past, tf.logicalAnd(centre, allowed));
    return tf.cast(tf.broadcastTo(keep, [kh, kw, inC, outC]), 'float32') as tf.Tensor4D;
  });
`,
      },
    ],
    loses: [],
  },
  {
    name: 'padded-valid-conv',
    description: "maskedConv2d as an explicitly zero-padded 'valid' convolution",
    edits: [
      {
        find: "return tf.tidy(() => tf.add(tf.conv2d(x, tf.mul(filters, mask) as tf.Tensor4D, 1, 'same'), bias));",
        replace: `return tf.tidy(() => {
    const [kh, kw] = filters.shape;
    const padded = tf.pad(x, [[0, 0], [(kh - 1) / 2, (kh - 1) / 2], [(kw - 1) / 2, (kw - 1) / 2], [0, 0]]);
    return tf.add(tf.conv2d(padded, tf.mul(filters, mask) as tf.Tensor4D, 1, 'valid'), bias);
  });`,
      },
    ],
    loses: [],
  },
  {
    name: 'js-loop-conv',
    description: 'maskedConv2d as float64 loops over dataSync',
    edits: [
      {
        find: "return tf.tidy(() => tf.add(tf.conv2d(x, tf.mul(filters, mask) as tf.Tensor4D, 1, 'same'), bias));",
        replace: `const [n, H, W, inC] = x.shape;
  const [kh, kw, , outC] = filters.shape;
  const [xs, f, m, b] = [x.dataSync(), filters.dataSync(), mask.dataSync(), bias.dataSync()];
  const out = new Float32Array(n * H * W * outC);
  for (let e = 0; e < n; e++)
    for (let i = 0; i < H; i++)
      for (let j = 0; j < W; j++)
        for (let o = 0; o < outC; o++) {
          let sum = b[o];
          for (let r = 0; r < kh; r++)
            for (let s = 0; s < kw; s++) {
              const [y, z] = [i + r - (kh - 1) / 2, j + s - (kw - 1) / 2];
              if (y < 0 || y >= H || z < 0 || z >= W) continue;
              for (let c = 0; c < inC; c++) {
                const t = ((r * kw + s) * inC + c) * outC + o;
                sum += xs[((e * H + y) * W + z) * inC + c] * f[t] * m[t];
              }
            }
          out[((e * H + i) * W + j) * outC + o] = sum;
        }
  return tf.tensor4d(out, [n, H, W, outC]);`,
      },
    ],
    loses: [],
  },
  {
    name: 'one-forward-per-pixel',
    description: 'sample runs one forward pass per pixel and reuses it where that is exact: for channel 0, and for every channel when groups = 1; later channels of an RGB pixel get a fresh pass (they see the channels before them)',
    edits: [
      {
        find: `      for (let c = 0; c < C; c++) {
        const probs = tf.tidy(() => {
          const x = tf.div(tf.tensor4d(levels, [n, H, W, C], 'float32'), K - 1) as tf.Tensor4D;
          const logits = tf.slice(pixelCnnForward(x, net), [0, i, j, c, 0], [n, 1, 1, 1, K]);
          return tf.softmax(tf.reshape(logits, [n, K]));
        });
        const p = await probs.data();
        probs.dispose();`,
        replace: `      const pass = () => tf.tidy(() => pixelCnnForward(tf.div(tf.tensor4d(levels, [n, H, W, C], 'float32'), K - 1) as tf.Tensor4D, net));
      let logits = pass();
      for (let c = 0; c < C; c++) {
        if (c > 0 && net.groups === 3) {
          logits.dispose();
          logits = pass();
        }
        const probs = tf.tidy(() => tf.softmax(tf.reshape(tf.slice(logits, [0, i, j, c, 0], [n, 1, 1, 1, K]), [n, K])));
        const p = await probs.data();
        probs.dispose();
        if (c === C - 1) logits.dispose();`,
      },
    ],
    loses: [],
  },
  {
    name: 'js-softmax',
    description: 'sample computes the softmax of each position in float64 JS from the logits',
    edits: [
      {
        find: `          return tf.softmax(tf.reshape(logits, [n, K]));
        });
        const p = await probs.data();`,
        replace: `          return tf.reshape(logits, [n, K]);
        });
        const l = await probs.data();
        const p = new Float64Array(n * K);
        for (let b = 0; b < n; b++) {
          const row = Array.from(l.subarray(b * K, (b + 1) * K));
          const m = Math.max(...row);
          const total = row.reduce((a, v) => a + Math.exp(v - m), 0);
          row.forEach((v, k) => (p[b * K + k] = Math.exp(v - m) / total));
        }`,
      },
    ],
    loses: [],
  },
  {
    name: 'js-log-softmax-bits',
    description: 'bitsPerDim in float64 JS loops over the logits (log-sum-exp per position)',
    edits: [
      {
        find: `  const nats = tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(x, K), tf.logSoftmax(logits)), -1))));
  const value = nats.dataSync()[0];
  nats.dispose();
  return value / Math.LN2;`,
        replace: `  const [l, levels] = [logits.dataSync(), x.dataSync()];
  let total = 0;
  for (let d = 0; d < levels.length; d++) {
    const row = Array.from(l.subarray(d * K, (d + 1) * K));
    const m = Math.max(...row);
    const logZ = m + Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
    total += logZ - row[levels[d]];
  }
  return total / levels.length / Math.LN2;`,
      },
    ],
    loses: [],
  },
];
