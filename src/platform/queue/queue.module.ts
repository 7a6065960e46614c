import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import type { Environment } from '../config/environment';
import { JobDispatcher } from './job-dispatcher';
import { QueueName } from './queue.constants';
import { WorkerErrorLog } from './worker-error-log';

/** BullMQ for the worker process: the relay produces, the processors consume. */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        connection: { url: config.get('REDIS_URL', { infer: true }), maxRetriesPerRequest: null },
        prefix: config.get('QUEUE_PREFIX', { infer: true }),
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [JobDispatcher, WorkerErrorLog],
  exports: [BullModule, JobDispatcher],
})
export class QueueModule {}
