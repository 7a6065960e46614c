import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import './notification-types';
import { loadEnvironment } from './platform/config/environment';
import { syncNotificationTypesAt } from './platform/database/database-setup';
import { checkQueueSchema } from './platform/queue/queue-schema';
import { checkDependencies, checkRedisEvictionPolicy } from './platform/startup/dependency-check';
import { runProcess } from './platform/startup/run-process';
import { WorkerModule } from './worker.module';

runProcess('The worker', async () => {
  const env = loadEnvironment();
  await checkDependencies(env);
  // Before anything can write a notification: the types registered in code, in notification_types.
  await syncNotificationTypesAt(env.DATABASE_URL);
  if (env.REDIS_URL) await checkRedisEvictionPolicy(env.REDIS_URL);
  else await checkQueueSchema(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // Exit 0 once every hook has run (rather than re-raising the signal), so the last log lines are flushed.
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.init();
  new NestLogger('Worker').log('Worker started: relaying the outbox and processing queues');
});
