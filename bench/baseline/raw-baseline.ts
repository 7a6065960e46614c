import { join } from 'node:path';
import type { BenchContext } from '../context';
import { appUrl, BENCH_JWT_SECRET, BenchProcess, freePort, ROOT } from '../stack';

/** Starts raw-server.ts as its own process on the benchmark's database; `extra` adds to its environment. */
export async function startRawBaseline(
  ctx: BenchContext,
  extra: Record<string, string> = {},
): Promise<{ server: BenchProcess; origin: string }> {
  const port = await freePort();
  const server = new BenchProcess(
    'raw-baseline',
    process.execPath,
    [join(ROOT, 'dist/bench/baseline/raw-server.js')],
    {
      PORT: String(port),
      DATABASE_URL: appUrl(ctx.database),
      JWT_SECRET: BENCH_JWT_SECRET,
      REDIS_URL: 'redis://127.0.0.1:6379',
      ...extra,
    },
    join(ctx.resultsDir, 'raw-baseline.log'),
  );
  await server.waitFor(/Raw baseline listening/);
  return { server, origin: `http://127.0.0.1:${port}` };
}
