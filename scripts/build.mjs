// Builds what `npm start` serves (run by `npm run build`, `prepare`, `prestart` and `pretest`):
// the server, bundled into dist/toolplane.js, and the web console, built by Vite from web/
// into dist/console.
//
// The server's dependencies are loaded from node_modules, except the pure ES-module ones
// listed in BUNDLED: Node resolves and links each of their hundreds of files at start, which
// took about 400 ms of a 1.3 s cold start. The others keep their files (swagger-ui serves its
// own assets, pino starts workers from its own files, better-sqlite3 is native).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { build as buildConsole } from 'vite';
import { INITIAL_JS_LIMIT, initialScripts } from '../web/scripts/initial-js.mjs';

const BUNDLED = new Set(['kysely', 'typebox']);

const root = new URL('..', import.meta.url);
const { dependencies } = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]);

await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/toolplane.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external,
});

await buildConsole({ configFile: fileURLToPath(new URL('web/vite.config.ts', root)), logLevel: 'warn' });
const consoleRoot = fileURLToPath(new URL('dist/console', root));
const initial = Object.values(initialScripts(consoleRoot)).reduce((sum, size) => sum + size, 0);
console.log(`console: initial JavaScript ${(initial / 1024).toFixed(1)} KB gzipped (limit ${INITIAL_JS_LIMIT / 1024} KB)`);
