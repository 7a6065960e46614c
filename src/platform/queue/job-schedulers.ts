import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

export interface ScheduleSpec {
  /** The scheduler's id, also the job's name. */
  name: string;
  /** Every this many ms, or at the times of a cron `pattern` read in `tz`. */
  every?: number;
  pattern?: string;
  tz?: string;
}

const CHECK_EVERY_MS = 15_000;

/**
 * Upserts the queue's job schedulers at start, then checks every 15 s that each is still there
 * with its next job pending, and upserts it again when not. A Redis that was flushed, replaced or
 * restored without its keys would otherwise never run the schedule again until a worker restarts;
 * for the SLA sweep, the reconciliation that catches lost timers, that is not acceptable.
 */
export class JobSchedulerKeeper {
  private readonly logger = new Logger(JobSchedulerKeeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly queue: Queue,
    private readonly specs: ScheduleSpec[],
  ) {}

  async start(): Promise<void> {
    for (const spec of this.specs) await this.upsert(spec);
    this.timer = setInterval(
      () =>
        void this.check().catch((error: unknown) =>
          this.logger.warn({ err: error }, 'Could not check the job schedulers'),
        ),
      CHECK_EVERY_MS,
    );
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    for (const spec of this.specs) {
      const scheduler = await this.queue.getJobScheduler(spec.name);
      const next = scheduler?.next ? await this.queue.getJob(`repeat:${spec.name}:${scheduler.next}`) : undefined;
      const state = next ? await next.getState() : 'missing';
      if (state === 'missing' || state === 'unknown') {
        this.logger.warn({ scheduler: spec.name, state }, 'Job scheduler lost from Redis; recreating it');
        await this.upsert(spec);
      }
    }
  }

  private upsert(spec: ScheduleSpec) {
    const repeat = spec.pattern ? { pattern: spec.pattern, tz: spec.tz } : { every: spec.every };
    return this.queue.upsertJobScheduler(spec.name, repeat, { name: spec.name, data: {} });
  }
}
