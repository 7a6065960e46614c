// Draws the installable app's icons (web/public/icons) with headless Chromium, from the same mark as
// favicon.svg: 联 in white on party-building red. Run again after changing the mark:
//   node web/scripts/pwa-icons.mjs [path-to-chromium]
// The PNGs are committed, so neither the build nor CI needs a browser for them.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const RED = '#c8102e';
const out = join(dirname(fileURLToPath(import.meta.url)), '../public/icons');

/**
 * `inset` is the share of the side the glyph may use: a maskable icon keeps its mark inside the
 * central 80 % circle (the "safe zone"), since launchers crop it to their own shape.
 */
const ICONS = [
  { file: 'icon-192.png', size: 192, radius: 0.18, glyph: 0.62 },
  { file: 'icon-512.png', size: 512, radius: 0.18, glyph: 0.62 },
  { file: 'maskable-512.png', size: 512, radius: 0, glyph: 0.46 },
  { file: 'apple-touch-icon.png', size: 180, radius: 0, glyph: 0.58 },
];

const page = (size, radius, glyph) => `<!doctype html><html><head><style>
  html, body { margin: 0; background: transparent; }
  div { width: ${size}px; height: ${size}px; border-radius: ${Math.round(size * radius)}px; background: ${RED};
        display: flex; align-items: center; justify-content: center; color: #fff;
        font: 700 ${Math.round(size * glyph)}px/1 "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; }
</style></head><body><div>联</div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.argv[2] ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  await mkdir(out, { recursive: true });
  for (const icon of ICONS) {
    const context = await browser.newContext({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    const tab = await context.newPage();
    await tab.setContent(page(icon.size, icon.radius, icon.glyph));
    await tab.locator('div').screenshot({ path: join(out, icon.file), omitBackground: true });
    await context.close();
    console.log(`${icon.file} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
