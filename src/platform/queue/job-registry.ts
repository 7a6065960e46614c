/**
 * The typed job map, empty here: each feature adds its jobs in a `<feature>.jobs.ts` beside it, by
 * declaration merging, and registers them on a queue with `defineJobs`, so this folder names no
 * feature and a new feature changes no platform file:
 *
 *   export enum ThingJob { DoThing = 'do-thing' }
 *   declare module '../../platform/queue/job-registry' {
 *     interface JobMap { [ThingJob.DoThing]: { tenantId: string; thingId: string } }
 *   }
 *   defineJobs('things', [ThingJob.DoThing]);
 *
 * Queue and job names are what BullMQ stores (jobs already queued, job schedulers): never rename one
 * that has shipped.
 */
export interface JobMap {}

/** A job's name: the keys of the map. */
export type JobName = Extract<keyof JobMap, string>;

/** The payload of each job: ids only; the handler reloads the rows. */
export type JobPayloads = JobMap;

export type JobItem = { [K in JobName]: { name: K; payload: JobMap[K] } }[JobName];

const queueOfJob = new Map<string, string>();
let sealed = false;

/** Puts a feature's jobs on a queue; called once by each jobs file when it loads. */
export function defineJobs(queue: string, names: readonly JobName[]): void {
  for (const name of names) {
    const known = queueOfJob.get(name);
    if (known !== undefined && known !== queue)
      throw new Error(`Job "${name}" is defined on queues "${known}" and "${queue}"`);
    queueOfJob.set(name, queue);
  }
}

/** The queue a job runs on. Whoever names a job has imported its jobs file, which registered it. */
export function queueOf(name: JobName): string {
  const queue = queueOfJob.get(name);
  if (queue === undefined) throw new Error(`Job "${name}" is on no queue: its jobs file did not call defineJobs`);
  return queue;
}

/**
 * Called by the application's list of jobs files (src/queues.ts) once all of them loaded. What needs
 * every queue or job (registering the queues, their sequences on PostgreSQL, the check that each job
 * has a handler) refuses to read a registry some feature may be missing from.
 */
export function sealJobRegistry(): void {
  sealed = true;
}

function requireSealed(): void {
  if (!sealed)
    throw new Error('The job registry is incomplete: import src/queues.ts before reading every queue or job');
}

export function registeredQueues(): string[] {
  requireSealed();
  return [...new Set(queueOfJob.values())].sort();
}

export function registeredJobs(): JobName[] {
  requireSealed();
  return [...queueOfJob.keys()].sort() as JobName[];
}
