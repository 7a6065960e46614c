import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION_RUNTIME_ENV } from './runtime-settings';

const ROOT = join(__dirname, '../../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the production runtime settings', () => {
  it.each(Object.entries(PRODUCTION_RUNTIME_ENV))('the image sets %s as the code does', (name, value) => {
    expect(read('Dockerfile')).toContain(`ENV ${name}="${value}"`);
  });

  it.each(['deploy/k8s/api.yaml', 'deploy/k8s/worker.yaml'])('%s sets them as the code does', (file) => {
    for (const [name, value] of Object.entries(PRODUCTION_RUNTIME_ENV)) {
      expect(read(file)).toContain(`- name: ${name}\n              value: "${value}"`);
    }
  });

  it('the README names them as the code does', () => {
    for (const [name, value] of Object.entries(PRODUCTION_RUNTIME_ENV)) {
      expect(read('README.md')).toContain(`| \`${name}\` | \`${value}\``);
    }
  });
});
