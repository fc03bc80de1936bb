/**
 * The Mann-Whitney U test and the Hodges-Lehmann shift against R 4.2.2's `wilcox.test`, computed
 * offline on this machine (Debian's r-base-core) and written down here:
 *
 *   x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
 *   y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
 *   wilcox.test(x, y, conf.int = TRUE)  # W = 35, p = 0.254412254412254, CI [-0.15, 0.76], est. 0.305
 *   wilcox.test(x, y, exact = FALSE)    # p = 0.244623605126983
 *
 * (x and y are the permeability example of Hollander & Wolfe, "Nonparametric Statistical
 * Methods" (1973), p. 69, which R's own documentation of wilcox.test uses.)
 *
 *   wilcox.test(Ozone ~ Month, data = airquality, subset = Month %in% c(5, 8))
 *   # W = 127.5, p = 0.000120807830768774 (ties: normal approximation)
 *   wilcox.test(c(1,2,3,4), c(5,6,7,8), conf.int = TRUE)  # p = 0.0285714285714286, CI [-7, -1], est. -4
 *   wilcox.test(c(1,2,3), c(4,5,6))                       # p = 0.1
 *   base <- c(2646,2880,2330,2304,1798,2183,2100,2500,2290,2410)
 *   cur  <- c(5120,5330,4980,5011,4870,5600,5020,4990,5200,5080)
 *   r <- wilcox.test(log(cur), log(base), conf.int = TRUE)
 *   # p = 1.0825088224469e-05, exp(CI) = [2.01436130007558, 2.37619047619048], exp(est.) = 2.1796483209124
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mannWhitney, normalCdf, shiftEstimate, smallestP } from '../../../server/src/benchmarks/mann-whitney';
import { runsNeeded } from '../../../server/src/benchmarks/compare';

const X = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const Y = [1.15, 0.88, 0.9, 0.74, 1.21];
const OZONE_MAY = [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37];
const OZONE_AUGUST = [39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84, 85];

/** Equal to `digits` significant digits. */
function near(actual: number, expected: number, digits = 9): void {
  const tolerance = Math.abs(expected) * 10 ** -digits;
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} to ${digits} digits`);
}

describe('Mann-Whitney U test (against R wilcox.test)', () => {
  it('gives the exact two-sided p-value without ties', () => {
    const test = mannWhitney(X, Y);
    assert.equal(test.u, 35);
    assert.equal(test.method, 'exact');
    near(test.p, 0.254412254412254, 12);
  });

  it('is symmetric: swapping the samples gives U = m·n − U and the same p', () => {
    const test = mannWhitney(Y, X);
    assert.equal(test.u, 50 - 35);
    near(test.p, 0.254412254412254, 12);
  });

  it('uses the normal approximation with tie and continuity corrections when values are tied', () => {
    const test = mannWhitney(OZONE_MAY, OZONE_AUGUST);
    assert.equal(test.u, 127.5);
    assert.equal(test.method, 'normal');
    near(test.p, 0.000120807830768774, 7);
  });

  it('gives the smallest possible p for fully separated samples', () => {
    near(mannWhitney([1, 2, 3, 4], [5, 6, 7, 8]).p, 0.0285714285714286, 12);
    near(mannWhitney([1, 2, 3], [4, 5, 6]).p, 0.1, 12);
    near(smallestP(4, 4), 2 / 70, 12);
    assert.equal(runsNeeded(0.05), 4);
  });

  it('computes the normal distribution accurately in its tails', () => {
    near(normalCdf(0), 0.5, 14);
    near(normalCdf(-1.959963984540054), 0.025, 9);
    // pnorm(-5) and pnorm(-8) in R.
    near(normalCdf(-5), 2.86651571879194e-07, 9);
    near(normalCdf(-8), 6.22096057427178e-16, 8);
  });
});

describe('Hodges-Lehmann shift and its confidence interval (against R wilcox.test conf.int)', () => {
  it('matches the exact interval and estimate', () => {
    const shift = shiftEstimate(X, Y);
    near(shift.estimate, 0.305, 12);
    near(shift.low, -0.15, 12);
    near(shift.high, 0.76, 12);
    const separated = shiftEstimate([1, 2, 3, 4], [5, 6, 7, 8]);
    assert.deepEqual([separated.estimate, separated.low, separated.high], [-4, -7, -1]);
  });

  it('reads as a ratio on logarithms, as benchmark deltas are reported', () => {
    const base = [2646, 2880, 2330, 2304, 1798, 2183, 2100, 2500, 2290, 2410];
    const current = [5120, 5330, 4980, 5011, 4870, 5600, 5020, 4990, 5200, 5080];
    near(mannWhitney(current.map(Math.log), base.map(Math.log)).p, 1.0825088224469e-5, 12);
    const shift = shiftEstimate(current.map(Math.log), base.map(Math.log));
    near(Math.exp(shift.estimate), 2.1796483209124, 11);
    near(Math.exp(shift.low), 2.01436130007558, 11);
    near(Math.exp(shift.high), 2.37619047619048, 11);
  });
});
