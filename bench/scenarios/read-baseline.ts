import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRawBaseline } from '../baseline/raw-baseline';
import { rawReadUrl, type RawReadPath } from '../baseline/raw-reads';
import type { BenchContext } from '../context';
import type { Statement } from '../explain';
import type { BenchProcess } from '../stack';

/** What the read baseline needs of a read path. */
export interface BaselinePath {
  name: string;
  statements: Statement[];
  replica?: boolean;
}

/**
 * The raw Fastify + pg server (bench/baseline/raw-reads.ts) serving every read path that has
 * statements, each at its own route; `url` is a path's route, undefined for one without statements.
 */
export async function startReadBaseline(
  ctx: BenchContext,
  paths: BaselinePath[],
): Promise<{ server: BenchProcess; url: (path: BaselinePath) => string | undefined }> {
  const slug = (path: BaselinePath) => path.name.replace(/\W+/g, '-').replace(/^-|-$/g, '');
  const served: RawReadPath[] = paths
    .filter((path) => path.statements.length > 0)
    .map((path) => ({ slug: slug(path), replica: path.replica ?? false, statements: path.statements }));
  const file = join(ctx.resultsDir, 'raw-read-paths.json');
  writeFileSync(file, JSON.stringify(served));
  const { server, origin } = await startRawBaseline(ctx, { RAW_READ_PATHS_FILE: file });
  return {
    server,
    url: (path) => (path.statements.length > 0 ? `${origin}${rawReadUrl(slug(path))}` : undefined),
  };
}
