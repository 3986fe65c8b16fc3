#!/usr/bin/env node
// Entry point for `npx toolplane` and `npm start`: runs the TypeScript sources directly,
// so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
