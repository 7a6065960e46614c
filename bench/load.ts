import autocannon from 'autocannon';
import { pacedLoad } from './paced-load';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A body per request, e.g. to vary titles; the same body when a string. */
  body?: string | (() => string);
  connections: number;
  durationSeconds?: number;
  amount?: number;
  /** Requests per second over all connections, evenly spaced (see pacedLoad); unset: as fast as the server answers. */
  rate?: number;
}

export interface LoadResult {
  requests: number;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Answers per HTTP status, e.g. { '409': 1200 }. */
  statusCodes: Record<string, number>;
}

/** Drives load over loopback, at full speed with autocannon or paced at `rate`; latencies in milliseconds. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.rate !== undefined) return pacedLoad({ ...options, rate: options.rate });
  const body = options.body;
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections,
    duration: options.durationSeconds ?? 10,
    amount: options.amount,
    ...(typeof body === 'string' && { body }),
    ...(typeof body === 'function' && {
      requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) }],
    }),
  });
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
    ),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `once` `times` times and keeps the run with the median throughput. */
export async function medianRun(
  times: number,
  once: () => Promise<LoadResult>,
): Promise<LoadResult & { runs: number[]; totalRequests: number }> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < times; i++) runs.push(await once());
  const rates = runs.map((r) => r.rps);
  const middle = median(rates);
  const chosen = runs.reduce((best, r) => (Math.abs(r.rps - middle) < Math.abs(best.rps - middle) ? r : best));
  return {
    ...chosen,
    runs: rates.map((r) => Math.round(r)),
    totalRequests: runs.reduce((sum, r) => sum + r.requests, 0),
  };
}

/**
 * A latency target's figures: the peak rate at `connections` (the run of median throughput of
 * `times`), then the p99 at `fraction` of that rate (the median p99 of `times` runs). Latency at
 * full speed is only queueing (connections ÷ rate); below it, it is the time a request takes.
 */
export async function latencyBelowPeak(
  times: number,
  fraction: number,
  once: (rate?: number) => Promise<LoadResult>,
): Promise<{ peak: LoadResult; p99: number; p50: number; rate: number; runs: LoadResult[] }> {
  const peak = await medianRun(times, () => once());
  const rate = Math.max(1, Math.round(peak.rps * fraction));
  const runs: LoadResult[] = [];
  for (let i = 0; i < times; i++) runs.push(await once(rate));
  return {
    peak,
    p99: median(runs.map((r) => r.p99)),
    p50: median(runs.map((r) => r.p50)),
    rate,
    runs: [peak, ...runs],
  };
}
