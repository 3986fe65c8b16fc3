// Bundles the server into dist/toolplane.js (run by `npm run build`, `prepare` and `prestart`).
// Dependencies are loaded from node_modules, except the pure ES-module ones listed in
// BUNDLED: Node resolves and links each of their hundreds of files at start, which took
// about 400 ms of a 1.3 s cold start. The others keep their files (swagger-ui serves its
// own assets, pino starts workers from its own files, better-sqlite3 is native).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
