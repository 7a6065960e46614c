import type { BenchContext } from '../context';

export async function routeScenario(_ctx: BenchContext, _peakSubmitRps: number): Promise<void> {
  throw new Error('not written yet');
}
