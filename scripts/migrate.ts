import 'reflect-metadata';
// Every feature's queue, for the queues' job-id sequences.
import '../src/queues';
// Every feature's notification types, which migration:run adds to notification_types.
import '../src/notification-types';
import { loadEnvironment } from '../src/platform/config/environment';
import { prepareDatabase } from '../src/platform/database/database-setup';
import { runProcess } from '../src/platform/startup/run-process';

runProcess('migration:run', async () => {
  const env = loadEnvironment();
  const applied = await prepareDatabase(env.DATABASE_ADMIN_URL, env.DATABASE_URL);
  process.stdout.write(
    applied.length > 0 ? `Applied migrations:\n  ${applied.join('\n  ')}\n` : 'The database is up to date.\n',
  );
});
