import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ApiModule } from '../src/api.module';
import { Role } from '../src/platform/auth/entities/role';
import { routePermissions } from '../src/platform/auth/route-permissions';
import { applyGlobalPrefix } from '../src/platform/http/create-api-app';
import { openApiDocument } from '../src/platform/http/openapi-document';

const ROOT = join(__dirname, '../..');
const SPEC = join(ROOT, 'web/src/api/openapi.json');
const TYPES = join(ROOT, 'web/src/api/schema.d.ts');
const ACCESS = join(ROOT, 'web/src/api/route-access.json');

/**
 * Writes the OpenAPI document, the web app's typed client (openapi-typescript) and who may call
 * each route (the web app's menus show a role only the pages whose API admits it) from the built
 * API, without connecting to anything. With --check it fails when the committed files are stale;
 * with --stdout it only prints the document (tests read it: only the build describes the DTOs).
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(ApiModule, new FastifyAdapter(), { preview: true, logger: false });
  applyGlobalPrefix(app);
  const spec = `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
  if (process.argv.includes('--stdout')) {
    process.stdout.write(spec);
    await app.close();
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'openapi-'));
  writeFileSync(join(scratch, 'openapi.json'), spec);
  const cli = join(
    dirname(require.resolve('openapi-typescript/package.json', { paths: [join(ROOT, 'web')] })),
    'bin/cli.js',
  );
  execFileSync(process.execPath, [cli, join(scratch, 'openapi.json'), '-o', join(scratch, 'schema.d.ts')], {
    stdio: 'ignore',
  });
  const types = readFileSync(join(scratch, 'schema.d.ts'), 'utf8');
  const access = `${JSON.stringify(routeAccess(app), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const stale = [
      [SPEC, spec],
      [TYPES, types],
      [ACCESS, access],
    ].filter(([path, fresh]) => readFileOrEmpty(path) !== fresh);
    if (stale.length > 0) {
      process.stderr.write(
        `The web app's API client is stale: ${stale.map(([p]) => p.replace(`${ROOT}/`, '')).join(', ')}.\nRun: npm run build:api && npm run openapi:export\n`,
      );
      process.exit(1);
    }
    process.stdout.write('The web API client matches the OpenAPI document.\n');
  } else {
    writeFileSync(SPEC, spec);
    writeFileSync(TYPES, types);
    writeFileSync(ACCESS, access);
    process.stdout.write(`Wrote ${[SPEC, TYPES, ACCESS].map((path) => path.replace(`${ROOT}/`, '')).join(', ')}\n`);
  }
  await app.close();
}

/** `"GET /meetings": ["department_staff", …]`: the roles each route admits (all for a public one, none for a closed one). */
function routeAccess(app: Parameters<typeof routePermissions>[0]): Record<string, string[]> {
  return Object.fromEntries(
    routePermissions(app).map(({ route, access }) => [
      route,
      access === 'public' ? Object.values(Role).sort() : access === 'nobody' ? [] : access,
    ]),
  );
}

function readFileOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

void main();
