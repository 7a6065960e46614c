import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The sections of zh-CN.json the login page uses: all the entry carries of the texts. */
const LOGIN_TEXTS = ['app', 'common', 'errors', 'login'];

/** `virtual:login-texts`: those sections alone, so the full locale files are chunks of their own (src/i18n). */
function loginTexts(): Plugin {
  const id = 'virtual:login-texts';
  const file = new URL('./src/i18n/zh-CN.json', import.meta.url).pathname;
  return {
    name: 'login-texts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return `export default ${JSON.stringify(Object.fromEntries(LOGIN_TEXTS.map((key) => [key, all[key]])))};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), loginTexts()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Each page is its own chunk (React.lazy in the routes) and shares what it uses of antd and
    // echarts with the pages that use the same. What every page needs before its own code is two
    // chunks, so the first load is a few requests rather than dozens: React and the router (rarely
    // changed, so a release leaves them cached) and the rest the entry imports.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
            { name: 'initial', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
