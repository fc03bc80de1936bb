/**
 * Shares are relative: when one function gets slower, every other function's share of the
 * profile shrinks, though none of them changed. To tell a real change from that dilution, the
 * comparison estimates the factor k by which the unchanged part's share moved: a function with no
 * real change has a current share near k × its base share. A function changed for real only when
 * it moved past the threshold both in raw points and against k.
 *
 * k is the factor most of the profile agrees with: each paired function is consistent with the
 * factors k for which |current − k · base| stays within the threshold (an interval), weighted by
 * its shares in both profiles; the interval where the most weight agrees wins (the one nearest 1
 * on a tie), and k is the ratio of the agreeing functions' summed shares there. With shares alone,
 * "A got slower" and "everything else got faster" cannot be told apart: this takes the reading in
 * which the most of the profile stayed as it was.
 */

interface Interval {
  low: number;
  high: number;
}

/** How far a factor is from 1, symmetric for halving and doubling. */
function distanceFromOne(interval: Interval): number {
  if (interval.low <= 1 && interval.high >= 1) return 0;
  const nearest = interval.high < 1 ? interval.high : interval.low;
  return nearest > 0 ? Math.abs(Math.log(nearest)) : Infinity;
}

/**
 * `base` and `current`: the paired functions' shares (percent) in each profile. Returns k (1 when
 * nothing can be said).
 */
export function stableFactor(base: readonly number[], current: readonly number[], threshold: number): number {
  const intervals: Array<Interval & { weight: number }> = [];
  base.forEach((b, i) => {
    if (b <= 0) return;
    const c = current[i];
    intervals.push({ low: Math.max(0, (c - threshold) / b), high: (c + threshold) / b, weight: b + c });
  });
  if (intervals.length === 0) return 1;
  // A sweep over the interval ends: starts before ends at the same factor, so touching intervals agree.
  const events = intervals.flatMap((iv) => [
    { at: iv.low, weight: iv.weight },
    { at: iv.high, weight: -iv.weight },
  ]);
  events.sort((x, y) => x.at - y.at || y.weight - x.weight);
  let running = 0;
  let best = -1;
  let region: Interval = { low: 1, high: 1 };
  events.forEach((event, i) => {
    running += event.weight;
    if (event.weight <= 0) return;
    const here = { low: event.at, high: events[i + 1]?.at ?? event.at };
    const tolerance = 1e-9 * Math.max(1, best);
    if (running > best + tolerance || (Math.abs(running - best) <= tolerance && distanceFromOne(here) < distanceFromOne(region))) {
      best = running;
      region = here;
    }
  });
  const middle = (region.low + region.high) / 2;
  let baseSum = 0;
  let currentSum = 0;
  base.forEach((b, i) => {
    const iv = b > 0 ? { low: Math.max(0, (current[i] - threshold) / b), high: (current[i] + threshold) / b } : undefined;
    if (iv && iv.low <= middle && middle <= iv.high) {
      baseSum += b;
      currentSum += current[i];
    }
  });
  const k = baseSum > 0 ? currentSum / baseSum : middle;
  return Math.min(Math.max(k, region.low), region.high);
}
