import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../src/platform/config/environment';
import { dataSourceOptions } from '../src/platform/database/data-source-options';
import { runMigrations } from '../src/platform/database/database-setup';
import { runProcess } from '../src/platform/startup/run-process';

/**
 * Fails when the entities and the migrations disagree: migrates a scratch database, then asks
 * TypeORM what it would still change (what `migration:generate` would write).
 */
runProcess('migration:check', async () => {
  const env = loadEnvironment();
  const server = new URL(env.DATABASE_ADMIN_URL);
  const scratch = `lianmeng_migration_check_${process.pid}`;
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const scratchUrl = new URL(server.toString());
  scratchUrl.pathname = `/${scratch}`;
  try {
    await runMigrations(scratchUrl.toString());
    const dataSource = new DataSource(dataSourceOptions(scratchUrl.toString(), 1));
    await dataSource.initialize();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (pending.upQueries.length > 0) {
      process.stderr.write('The entities and the migrations disagree. Generate a migration:\n');
      process.stderr.write(
        '  npm run build:api && npm run migration:generate -- migrations/DescribeTheChange\n\nPending changes:\n',
      );
      for (const query of pending.upQueries) process.stderr.write(`  ${query.query.trim()};\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write('Entities and migrations agree.\n');
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }
});
