// Which code `bin/toolplane.js` runs: the bundle `npm run build` writes (dist/toolplane.js),
// or the TypeScript sources through tsx. Plain JavaScript, so choosing costs no compiler.
import fs from 'node:fs';
import path from 'node:path';

/** What the bundle is built from: a file here newer than the bundle means the bundle is stale. */
const BUNDLE_SOURCES = ['src', 'scripts/build.mjs'];

/**
 * The bundle's path when it exists and is not older than any of its sources, else null (run
 * the sources): a developer's edit since the last build is never silently ignored. An
 * install without the sources (a packed release) takes the bundle when it is there.
 */
export function freshBundle(root) {
  const bundle = path.join(root, 'dist', 'toolplane.js');
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return null;
  }
  for (const source of BUNDLE_SOURCES) {
    if (newestChange(path.join(root, source)) > built) return null;
  }
  return bundle;
}

/** The latest modification time of a file, or of anything in a folder (the folder's own, for removals, included); 0 when absent. */
function newestChange(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}
