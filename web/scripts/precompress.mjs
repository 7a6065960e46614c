// After `vite build`: a Brotli (.br) and a gzip (.gz) copy beside every text file of dist/ worth
// compressing, so the API sends them as they are (@fastify/static's preCompressed) instead of
// compressing on every request or not at all.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
// Below this a response fits in a packet or two anyway; @fastify/static skips them too.
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

async function compress(path) {
  if ((await stat(path)).size < MIN_BYTES) return [0, 0];
  const source = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    }),
    gz(source, { level: 9 }),
  ]);
  // A copy that saves little is not worth the second file (nor the client's decoding).
  if (br.length < source.length * 0.9) await writeFile(`${path}.br`, br);
  if (gzipped.length < source.length * 0.9) await writeFile(`${path}.gz`, gzipped);
  return [source.length, br.length];
}

const totals = [0, 0];
const sizes = await Promise.all((await Array.fromAsync(files(DIST))).map(compress));
for (const [raw, br] of sizes) {
  totals[0] += raw;
  totals[1] += br;
}
console.log(
  `precompressed ${sizes.filter(([raw]) => raw > 0).length} files: ${(totals[0] / 1024).toFixed(0)} kB → ${(totals[1] / 1024).toFixed(0)} kB brotli`,
);
