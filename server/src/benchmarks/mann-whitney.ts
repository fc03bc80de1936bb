/**
 * The Mann-Whitney U test (Wilcoxon rank-sum test) for two independent samples, as benchstat
 * uses it to tell a real change of a benchmark from noise: no assumption of normal timings, only
 * that runs are independent.
 *
 * - p-value: exact (from the distribution of U over all orderings) when neither sample has more
 *   than 50 values and no value is tied, as R's `wilcox.test` does; otherwise the normal
 *   approximation with a tie correction and a continuity correction.
 * - The shift between the samples: the Hodges-Lehmann estimate (the median of all pairwise
 *   differences) with its confidence interval from order statistics of those differences, exact
 *   or from the normal approximation alike.
 */

/** Samples up to this size get exact p-values (when nothing is tied). */
const EXACT_LIMIT = 50;

export interface RankSumTest {
  /** U of `x`: the number of pairs (x_i, y_j) with x_i > y_j, ties counting one half. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  method: 'exact' | 'normal';
}

export interface ShiftEstimate {
  /** Hodges-Lehmann estimate of the shift x − y. */
  estimate: number;
  /** Confidence interval of the shift, at `level`. */
  low: number;
  high: number;
  level: number;
}

/**
 * How many orderings of m x-values and n y-values give each U, for U = 0..m·n: the coefficients
 * of the Gaussian binomial coefficient, built row by row from f(i, j) = f(i−1, j) shifted by j
 * plus f(i, j−1).
 */
function uFrequencies(m: number, n: number): Float64Array {
  let previous: Float64Array[] = [];
  for (let i = 0; i <= m; i++) {
    const row: Float64Array[] = [];
    for (let j = 0; j <= n; j++) {
      const counts = new Float64Array(i * j + 1);
      if (i === 0 || j === 0) counts[0] = 1;
      else {
        const above = previous[j];
        for (let u = 0; u < above.length; u++) counts[u + j] += above[u];
        const left = row[j - 1];
        for (let u = 0; u < left.length; u++) counts[u] += left[u];
      }
      row.push(counts);
    }
    previous = row;
  }
  return previous[n];
}

/** P(U ≤ q) for every q, from the frequencies. */
function cumulative(frequencies: Float64Array): Float64Array {
  let total = 0;
  for (const f of frequencies) total += f;
  const cdf = new Float64Array(frequencies.length);
  let running = 0;
  frequencies.forEach((f, u) => {
    running += f;
    cdf[u] = running / total;
  });
  return cdf;
}

/**
 * erfc(x), the complementary error function: below 2.5 as 1 − erf(x) from erf's Taylor series
 * (which converges quickly there), above by its continued fraction
 * erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the bottom up,
 * so that small p-values keep their leading digits.
 */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let k = 1; k < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= (-x * x) / k;
      sum += term / (2 * k + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / 2 / fraction;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / fraction;
}

/** The standard normal distribution: P(Z ≤ z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** The standard normal quantile, by bisection on the CDF (only a few are ever needed). */
export function normalQuantile(p: number): number {
  let low = -40;
  let high = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Midranks of the pooled values, and the sizes of the groups of tied values. */
function ranks(values: readonly number[]): { rank: Float64Array; ties: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const rank = new Float64Array(values.length);
  const ties: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const mid = (start + end + 1) / 2;
    for (let k = start; k < end; k++) rank[order[k]] = mid;
    if (end - start > 1) ties.push(end - start);
    start = end;
  }
  return { rank, ties };
}

function exactAllowed(m: number, n: number, tied: boolean): boolean {
  return !tied && m <= EXACT_LIMIT && n <= EXACT_LIMIT;
}

/** Two-sided Mann-Whitney U test of `x` against `y`. Both need at least one value. */
export function mannWhitney(x: readonly number[], y: readonly number[]): RankSumTest {
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) throw new RangeError('the Mann-Whitney test needs values in both samples');
  const { rank, ties } = ranks([...x, ...y]);
  let rankSum = 0;
  for (let i = 0; i < m; i++) rankSum += rank[i];
  const u = rankSum - (m * (m + 1)) / 2;
  if (exactAllowed(m, n, ties.length > 0)) {
    const cdf = cumulative(uFrequencies(m, n));
    // As R does: the tail on the side of the observed U, doubled.
    const tail = u > (m * n) / 2 ? 1 - (u >= 1 ? cdf[u - 1] : 0) : cdf[u];
    return { u, p: Math.min(1, 2 * tail), method: 'exact' };
  }
  const total = m + n;
  const tieTerm = ties.reduce((sum, t) => sum + t ** 3 - t, 0) / (total * (total - 1));
  const sigma = Math.sqrt(((m * n) / 12) * (total + 1 - tieTerm));
  if (sigma === 0) return { u, p: 1, method: 'normal' };
  const centered = u - (m * n) / 2;
  const z = (centered - Math.sign(centered) * 0.5) / sigma;
  return { u, p: Math.min(1, 2 * normalCdf(-Math.abs(z))), method: 'normal' };
}

/**
 * The Hodges-Lehmann shift of `x` against `y` with its confidence interval: the median of the
 * m·n differences x_i − y_j, and the differences at the ranks the U distribution's α/2 quantile
 * gives (exactly when the test is exact, else by the normal approximation).
 */
export function shiftEstimate(x: readonly number[], y: readonly number[], level = 0.95): ShiftEstimate {
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) throw new RangeError('a shift estimate needs values in both samples');
  const diffs = new Float64Array(m * n);
  let k = 0;
  for (const a of x) for (const b of y) diffs[k++] = a - b;
  diffs.sort();
  const count = diffs.length;
  const estimate = count % 2 === 1 ? diffs[(count - 1) / 2] : (diffs[count / 2 - 1] + diffs[count / 2]) / 2;
  const alpha = 1 - level;
  const tied = ranks([...x, ...y]).ties.length > 0;
  let q: number;
  if (exactAllowed(m, n, tied)) {
    // qwilcox(α/2): the smallest q with P(U ≤ q) ≥ α/2.
    const cdf = cumulative(uFrequencies(m, n));
    q = cdf.findIndex((c) => c >= alpha / 2 - 1e-12);
  } else {
    q = Math.floor((m * n) / 2 - normalQuantile(1 - alpha / 2) * Math.sqrt((m * n * (m + n + 1)) / 12));
  }
  q = Math.min(Math.max(q, 1), count);
  return { estimate, low: diffs[q - 1], high: diffs[count - q], level };
}

/** The smallest two-sided p-value samples of these sizes can reach (no ties): 2 / C(m+n, m). */
export function smallestP(m: number, n: number): number {
  let combinations = 1;
  for (let i = 1; i <= m; i++) combinations = (combinations * (n + i)) / i;
  return Math.min(1, 2 / combinations);
}
