import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The platform serves the feature modules and names none of them: features register their entities
 * (by file name, see ENTITY_FILES), jobs and notification types themselves.
 */

const SRC = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g;

describe('the platform boundary', () => {
  it('imports nothing from the feature modules', () => {
    const crossings = tsFiles(join(SRC, 'platform')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((match) => match[1])
        .filter((target) => target.startsWith('.') && join(file, '..', target).startsWith(join(SRC, 'modules')))
        .map((target) => `${relative(SRC, file)} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('finds every entity by its file name, so none is left out of the data source', () => {
    const misnamed = tsFiles(SRC)
      .filter((file) => !file.endsWith('.spec.ts') && !file.endsWith('.entity.ts'))
      .filter((file) => /^@Entity\(/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(misnamed).toEqual([]);
  });
});
