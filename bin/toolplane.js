#!/usr/bin/env node
// Entry point for `npx toolplane`: runs the bundle `npm run build` writes when it is as new
// as the sources (starting it takes a fraction of a second), else the TypeScript sources
// through tsx, so a fresh clone needs no build step and an edit since the build is run as
// written.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './entry-point.js';

const bundle = freshBundle(fileURLToPath(new URL('..', import.meta.url)));
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
