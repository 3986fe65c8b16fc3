import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { INITIAL_JS_LIMIT, initialScripts } from '../../web/scripts/initial-js.mjs';

const CONSOLE_ROOT = path.resolve(import.meta.dirname, '../../dist/console');

it('the console\'s first page loads at most 250 KB of JavaScript, gzipped', () => {
  expect(fs.existsSync(path.join(CONSOLE_ROOT, 'index.html')), 'dist/console is not built: run npm run build').toBe(true);
  const scripts = initialScripts(CONSOLE_ROOT);
  expect(Object.keys(scripts).length).toBeGreaterThan(0);
  const total = Object.values(scripts).reduce((sum, size) => sum + size, 0);
  expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(INITIAL_JS_LIMIT);
});
