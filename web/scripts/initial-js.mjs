// What a browser downloads before the console's first page can run: the scripts that
// dist/console/index.html loads and preloads, gzipped. The build prints it; a test holds it
// under INITIAL_JS_LIMIT.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** 250 KB gzipped. */
export const INITIAL_JS_LIMIT = 250 * 1024;

/** The gzipped size of each script index.html loads or preloads, by its path. */
export function initialScripts(consoleRoot) {
  const html = fs.readFileSync(path.join(consoleRoot, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((match) => match[1]);
  return Object.fromEntries(
    sources.map((source) => [source, zlib.gzipSync(fs.readFileSync(path.join(consoleRoot, source.replace(/^\//, '')))).length]),
  );
}
