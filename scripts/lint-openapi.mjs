// `npm run lint:api`: writes the OpenAPI document of the built API (dist/, as `npm run openapi:export`
// does) to a scratch file and lints it with Redocly's recommended rules (redocly.yaml). Redocly sends
// no usage data and looks for no update: the lint never reaches the network.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
const spec = join(scratch, 'openapi.json');
try {
  writeFileSync(
    spec,
    execFileSync(process.execPath, [join(root, 'dist/scripts/export-openapi.js'), '--stdout'], { cwd: root }),
  );
  const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
  execFileSync(process.execPath, [cli, 'lint', spec, '--config', join(root, 'redocly.yaml')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
    },
  });
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
  if (typeof error.status !== 'number') console.error(error);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
