import { hostname } from 'node:os';
import type { WorkerOptions } from 'bullmq';

/**
 * Options of every BullMQ worker. The lock decides how soon a job of a crashed worker is taken up
 * again (stalled-job recovery); read from the environment when the worker's modules load, because
 * processors declare their options in a decorator. The name (host, which is the pod in Kubernetes,
 * and process id) is stored on each job as `processedBy`, so one can tell which copy ran it.
 */
export function workerOptions(concurrency: number): Partial<WorkerOptions> {
  const lockDuration = Number(process.env.QUEUE_LOCK_DURATION_MS ?? 30_000);
  return {
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 2,
    name: `${hostname()}:${process.pid}`,
  };
}
