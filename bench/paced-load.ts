import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadOptions, LoadResult } from './load';

/**
 * Open-loop load at a steady rate: request i leaves at start + i ÷ rate, whatever the answers
 * before it did. autocannon's rate limit is not this: each connection sends its whole second's
 * quota back to back at the top of the second and then waits, so "half the peak rate" runs at the
 * full peak for half of every second and its latencies are those of saturation.
 *
 * Latency is counted from when a request was due, not when it left, so a request that had to wait
 * for a free connection (the server falling behind) shows that wait too.
 */
export async function pacedLoad(options: LoadOptions & { rate: number }): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = options.amount ?? Math.max(1, Math.round(options.rate * (options.durationSeconds ?? 10)));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = typeof options.body === 'function' ? options.body() : options.body;
      const outgoing = request(
        url,
        {
          agent,
          method: options.method ?? 'GET',
          headers: {
            'content-type': 'application/json',
            ...options.headers,
            ...(body !== undefined && { 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          response.resume();
          response.once('end', () => {
            latencies.push(performance.now() - due);
            const code = String(response.statusCode);
            statusCodes[code] = (statusCodes[code] ?? 0) + 1;
            resolve();
          });
        },
      );
      outgoing.once('error', () => {
        errors++;
        resolve();
      });
      outgoing.end(body);
    });

  const started = performance.now();
  const pending: Promise<void>[] = [];
  try {
    for (let i = 0; i < total; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(send(due));
    }
    await Promise.all(pending);
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];
  const answered = latencies.length;
  return {
    requests: answered,
    rps: answered / seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
    errors,
    non2xx: Object.entries(statusCodes).reduce((sum, [code, count]) => (code.startsWith('2') ? sum : sum + count), 0),
    statusCodes,
  };
}
