import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * `bin/toolplane.js` in a copy of the project's layout whose bundle and sources each say
 * which of them ran: the bundle runs only while no source is newer than it.
 */
const project = path.resolve(import.meta.dirname, '../..');
let root: string;

function touch(file: string, secondsAgo: number): void {
  const at = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, at, at);
}

function write(file: string, text: string, secondsAgo: number): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  touch(path.join(root, file), secondsAgo);
}

function run(): string {
  return execFileSync(process.execPath, [path.join(root, 'bin/toolplane.js')], { encoding: 'utf8' }).trim();
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-entry-'));
  fs.cpSync(path.join(project, 'bin'), path.join(root, 'bin'), { recursive: true });
  fs.symlinkSync(path.join(project, 'node_modules'), path.join(root, 'node_modules'));
  fs.writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
  write('src/cli/main.ts', "const from: string = 'sources';\nconsole.log(from);\n", 60);
  write('scripts/build.mjs', '', 60);
  for (const folder of ['src/cli', 'src']) touch(path.join(root, folder), 60);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bin/toolplane.js', () => {
  it('runs the bundle when it is as new as every source', () => {
    write('dist/toolplane.js', "console.log('bundle');\n", 10);
    expect(run()).toBe('bundle');
  });

  it('runs the sources through tsx when a source changed after the build', () => {
    write('dist/toolplane.js', "console.log('bundle');\n", 10);
    touch(path.join(root, 'src/cli/main.ts'), 1);
    expect(run()).toBe('sources');
  });

  it('runs the sources when a source file was added or removed after the build', () => {
    write('src/cli/removed.ts', '', 60);
    touch(path.join(root, 'src/cli'), 60);
    write('dist/toolplane.js', "console.log('bundle');\n", 10);
    fs.rmSync(path.join(root, 'src/cli/removed.ts'));
    expect(run()).toBe('sources');
    touch(path.join(root, 'src/cli'), 60);
    expect(run()).toBe('bundle');
    write('src/cli/added.ts', '', 1);
    expect(run()).toBe('sources');
  });

  it('runs the sources when the build script changed after the build', () => {
    write('dist/toolplane.js', "console.log('bundle');\n", 10);
    touch(path.join(root, 'scripts/build.mjs'), 1);
    expect(run()).toBe('sources');
  });

  it('runs the sources when there is no bundle', () => {
    expect(run()).toBe('sources');
  });
});
