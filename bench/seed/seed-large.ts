import 'reflect-metadata';
import { EnvironmentError, loadEnvironment } from '../../src/platform/config/environment';
import { runProcess } from '../../src/platform/startup/run-process';
import { SystemClock } from '../../src/platform/clock/clock';
import { FULL_SCALE, scaleBy, seedLargeTenant } from './large-tenant';

/**
 * Grows the demo tenant of DATABASE_ADMIN_URL to the benchmark's size, after migrations and the
 * demo seed: `node dist/bench/seed/seed-large.js`; SCALE=0.01 for a quick run at a hundredth.
 */
runProcess('bench:seed-large', async () => {
  const env = loadEnvironment();
  if (env.NODE_ENV === 'production')
    throw new EnvironmentError('The benchmark seed refuses to run with NODE_ENV=production.');
  const factor = Number(process.env.SCALE ?? '1');
  if (!(factor > 0)) throw new EnvironmentError(`SCALE must be a positive number, not "${process.env.SCALE}".`);
  const scale = factor === 1 ? FULL_SCALE : scaleBy(factor);
  process.stdout.write(`Seeding the large tenant: ${JSON.stringify(scale)}\n`);
  const result = await seedLargeTenant(env.DATABASE_ADMIN_URL, scale, new SystemClock().now(), (line) =>
    process.stdout.write(`${line}\n`),
  );
  process.stdout.write(`Done in ${result.seconds.toFixed(1)} s (tenant ${result.tenantId}):\n`);
  for (const [table, rows] of Object.entries(result.rows)) process.stdout.write(`  ${table}: ${rows}\n`);
});
