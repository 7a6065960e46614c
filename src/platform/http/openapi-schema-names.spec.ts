import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every DTO file the Swagger plugin reads; their class names become the OpenAPI schema names. */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoFiles(path);
    return /\.(dto|view|query)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('OpenAPI schema names', () => {
  it('are unique: two DTO classes with one name would silently share one schema in the typed client', () => {
    const owners = new Map<string, string[]>();
    for (const file of dtoFiles(join(__dirname, '../..'))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/^export class (\w+)/gm))
        owners.set(name, [...(owners.get(name) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
