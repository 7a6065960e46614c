import { BullModule, getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { type DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule, DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { Environment } from '../config/environment';
import { JobDispatcher } from './job-dispatcher';
import { registeredQueues } from './job-registry';
import { createQueuePool, queueConnection, queueSettings } from './queue-connection';
import { WorkerErrorLog } from './worker-error-log';

const QUEUE_POOL = Symbol('QUEUE_POOL');

@Global()
@Module({
  providers: [
    {
      provide: QUEUE_POOL,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => createQueuePool(queueSettings(config)),
    },
  ],
  exports: [QUEUE_POOL],
})
class QueuePoolModule {}

/**
 * Ends the queues' PostgreSQL pool once every queue and worker of the process has closed (BullMQ
 * leaves a pool it was given open), whatever order Nest runs the shutdown hooks in: closing twice
 * is harmless in BullMQ, a pool ended under a closing worker is not.
 */
@Injectable()
class QueuePoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(QUEUE_POOL) private readonly pool: Pool | null,
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.pool) return;
    const queues = registeredQueues().map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker)
      .filter(Boolean);
    await Promise.allSettled([...workers.map((worker) => worker.close()), ...queues.map((queue) => queue.close())]);
    await this.pool.end().catch(() => undefined);
  }
}

/**
 * BullMQ for the worker process: the relay produces, the processors consume. Every queue the
 * features registered (src/queues.ts, loaded before this is called).
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        QueuePoolModule,
        BullModule.forRootAsync({
          imports: [QueuePoolModule],
          inject: [ConfigService, QUEUE_POOL],
          useFactory: (config: ConfigService<Environment, true>, pool: Pool | null) =>
            queueConnection(queueSettings(config), pool),
        }),
        BullModule.registerQueue(...registeredQueues().map((name) => ({ name }))),
      ],
      providers: [JobDispatcher, WorkerErrorLog, QueuePoolCloser],
      exports: [BullModule, JobDispatcher],
    };
  }
}
