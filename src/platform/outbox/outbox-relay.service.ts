import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions, Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import type { Environment } from '../config/environment';
import { jobOptions } from '../queue/job-options';
import { OutboxClaimsRepository, type PendingEvent } from './outbox-claims.repository';
import { OUTBOX_CHANNEL } from './outbox.service';

const BATCH = 100;
const POLL_MS = 1000;
const ADD_TIMEOUT_MS = 5000;

/**
 * Moves committed outbox events into BullMQ, the event id becoming the job id. Wakes on NOTIFY
 * and polls as a fallback. Rows are claimed with SKIP LOCKED so several workers share the work.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: OutboxClaimsRepository,
    private readonly moduleRef: ModuleRef,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  private get retry() {
    return {
      attempts: this.config.get('QUEUE_ATTEMPTS', { infer: true }),
      backoffMs: this.config.get('QUEUE_BACKOFF_MS', { infer: true }),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.timer = setInterval(() => void this.drain(), POLL_MS);
    await this.listen();
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes everything pending; concurrent calls fold into one more pass. */
  async drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return 0;
    }
    this.running = true;
    let published = 0;
    try {
      do {
        this.again = false;
        const count = await this.publishBatch();
        published += count;
        if (count === BATCH) this.again = true;
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.warn({ err: error }, 'Outbox relay pass failed; will retry');
    } finally {
      this.running = false;
    }
    return published;
  }

  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Marked published already: the mark commits only if every job was added (BEGIN, claim, COMMIT).
      const events = await this.claims.claimAsPublished(runner.manager, BATCH);
      await this.publish(events);
      await runner.commitTransaction();
      return events.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Adds each queue's jobs in bulk, one Redis round trip for all of them. A cancel sends the adds
   * claimed before it first, so a timer set and cancelled (or cancelled and set) keeps its order.
   */
  private async publish(events: PendingEvent[]): Promise<void> {
    let adds = new Map<string, { name: string; data: Record<string, unknown>; opts: JobsOptions }[]>();
    const flush = async () => {
      for (const [queue, jobs] of adds) await withTimeout(this.queue(queue).addBulk(jobs), ADD_TIMEOUT_MS);
      adds = new Map();
    };
    for (const event of events) {
      const jobId = event.job_id ?? event.id;
      if (event.timer === 'cancel') {
        await flush();
        // A timer that is running is locked and stays; see Outbox.moveTimer.
        await withTimeout(this.queue(event.queue).remove(jobId), ADD_TIMEOUT_MS);
        continue;
      }
      const delay = event.not_before ? Math.max(0, event.not_before.getTime() - this.clock.now().getTime()) : 0;
      // A timer leaves no finished job behind, to keep Redis small; its id names its time.
      const opts =
        event.timer === 'set'
          ? { jobId, delay, removeOnComplete: true, removeOnFail: true }
          : { ...jobOptions(jobId, this.retry), delay };
      const jobs = adds.get(event.queue) ?? [];
      jobs.push({ name: event.job_name, data: event.payload, opts });
      adds.set(event.queue, jobs);
    }
    await flush();
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.get('DATABASE_URL', { infer: true }) });
    client.on('notification', () => void this.drain());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'Outbox listener lost; polling until it is back');
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), POLL_MS);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not LISTEN for outbox events; polling');
      await client.end().catch(() => undefined);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
