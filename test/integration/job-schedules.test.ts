import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { SERVICE_REQUESTS_QUEUE, ServiceRequestJob } from '../../src/modules/service-requests/service-requests.jobs';
import { WorkerModule } from '../../src/worker.module';
import { STATE_BACKENDS, startTestApp, type TestApp } from '../support/test-app';

const WATCH_MS = 32_000;
const EVERY_MS = 15_000; // the statistics' fold (service-requests-worker.module.ts)

/**
 * Two workers each declare every schedule at start; BullMQ keeps one scheduler per name and queue,
 * so each tick runs once, on one of them, on either backend.
 */
describe.each(STATE_BACKENDS)('scheduled jobs with two workers, queues on %s', (backend) => {
  let app: TestApp;
  let second: INestApplicationContext;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, seed: false, backend });
    second = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await second.init();
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
  });

  it('runs each tick of a schedule exactly once', async () => {
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    const queue = app.worker!.get<Queue>(getQueueToken(SERVICE_REQUESTS_QUEUE), { strict: false });
    const runs = (await queue.getJobs(['completed', 'active', 'failed'], 0, -1)).filter(
      (job) => job.name === ServiceRequestJob.RefreshServiceStatistics,
    );
    const ticks = runs.map((job) => Number(String(job.id).split(':').pop())).sort((a, b) => a - b);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(WATCH_MS / EVERY_MS) + 1);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBeGreaterThanOrEqual(EVERY_MS);
    expect(runs.every((job) => job.attemptsMade <= 1)).toBe(true);
    // One scheduler each, whatever the number of workers.
    expect(
      (await queue.getJobSchedulers()).filter(
        (s) =>
          s.key === ServiceRequestJob.RefreshServiceStatistics || s.name === ServiceRequestJob.RefreshServiceStatistics,
      ),
    ).toHaveLength(1);
  });
});
