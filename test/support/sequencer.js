/**
 * The order jest hands test files to its two workers: browser tests first, then integration and unit
 * tests, the fault drills last and the scale-out drill (2 APIs, 2 workers, 10,000 submissions on each
 * queue backend) at the very end. A drill saturates both cores of a CI machine; a browser test beside
 * it waited minutes for a page and failed on its timeout (stop 27's CI: registry and venue-admin).
 * Within a tier jest's own order stands (slowest or largest first).
 */
const Sequencer = require('@jest/test-sequencer').default;

const TIERS = ['browser', 'integration', 'unit', 'faults'];
const LAST = /scale-out\.test\.ts$/;

function rank(test) {
  const tier = TIERS.indexOf(test.context.config.displayName?.name ?? '');
  return (tier < 0 ? TIERS.length : tier) * 2 + (LAST.test(test.path) ? 1 : 0);
}

class TierSequencer extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    const position = new Map(ordered.map((test, index) => [test, index]));
    return [...ordered].sort((a, b) => rank(a) - rank(b) || position.get(a) - position.get(b));
  }
}

module.exports = TierSequencer;
