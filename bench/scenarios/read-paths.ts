import type { BenchContext } from '../context';

export async function readPathsScenario(_ctx: BenchContext): Promise<void> {
  throw new Error('not written yet');
}
