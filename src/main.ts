import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import './notification-types';
import { loadEnvironment } from './platform/config/environment';
import { syncNotificationTypesAt } from './platform/database/database-setup';
import { createApiApp } from './platform/http/create-api-app';
import { checkDependencies } from './platform/startup/dependency-check';
import { runProcess } from './platform/startup/run-process';

runProcess('The API', async () => {
  const env = loadEnvironment();
  await checkDependencies(env);
  // Before anything can write a notification: the types registered in code, in notification_types.
  await syncNotificationTypesAt(env.DATABASE_URL);
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: env.HOST });
  new Logger('Api').log(`API listening on ${await app.getUrl()}`);
});
