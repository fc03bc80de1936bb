/**
 * The line heat scale: which tint a line gets for its measured share, relative to
 * `hotpath.hotThreshold`.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_HOT_THRESHOLD, HEAT_LEVELS, heatLevel, isHotLevel } from '../../client/src/heat-scale';

test('no share, or a share that is not a number, gets no tint', () => {
  for (const percent of [0, -1, Number.NaN, Number.NEGATIVE_INFINITY]) assert.equal(heatLevel(percent, 5), 0, String(percent));
});

test('a line at or above the hot threshold gets the strongest tint', () => {
  assert.equal(heatLevel(5, 5), HEAT_LEVELS);
  assert.equal(heatLevel(60, 5), HEAT_LEVELS);
  assert.equal(heatLevel(100, 5), HEAT_LEVELS);
});

test('the levels below cover shrinking fractions of the threshold', () => {
  // With the default threshold of 5%: level 4 from 2.5%, level 3 from 1%, level 2 from 0.25%.
  assert.deepEqual(
    [0.01, 0.24, 0.25, 0.99, 1, 2.49, 2.5, 4.99, 5].map((p) => heatLevel(p, 5)),
    [1, 1, 2, 2, 3, 3, 4, 4, 5],
  );
});

test('the scale follows the threshold', () => {
  assert.equal(heatLevel(1, 1), HEAT_LEVELS);
  assert.equal(heatLevel(1, 20), 2);
  assert.equal(heatLevel(10, 20), 4);
});

test('a threshold that is not a positive number falls back to the default', () => {
  for (const threshold of [0, -3, Number.NaN]) {
    assert.equal(heatLevel(DEFAULT_HOT_THRESHOLD, threshold), HEAT_LEVELS, String(threshold));
    assert.equal(heatLevel(1, threshold), heatLevel(1, DEFAULT_HOT_THRESHOLD), String(threshold));
  }
});

test('the level never falls as the share grows', () => {
  let previous = 0;
  for (let percent = 0; percent <= 100; percent += 0.05) {
    const level = heatLevel(percent, 5);
    assert.ok(level >= previous && level <= HEAT_LEVELS, `${percent}% gave level ${level} after ${previous}`);
    previous = level;
  }
});

test('only the two strongest levels are marked as hot', () => {
  assert.deepEqual(
    Array.from({ length: HEAT_LEVELS + 1 }, (_, level) => isHotLevel(level)),
    [false, false, false, false, true, true],
  );
});
