import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnvironment } from './platform/config/environment';
import { createApiApp } from './platform/http/create-api-app';
import { checkDependencies } from './platform/startup/dependency-check';
import { runProcess } from './platform/startup/run-process';

runProcess('The API', async () => {
  const env = loadEnvironment();
  await checkDependencies(env);
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: env.HOST });
  new Logger('Api').log(`API listening on ${await app.getUrl()}`);
});
