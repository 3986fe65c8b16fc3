// The console's API types, generated from the server's own OpenAPI document by
// openapi-typescript: web/src/api/schema.gen.ts. `npm run console:client` writes the file;
// test/console/client-types.test.ts fails when it differs from what the server now documents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const CLIENT_TYPES_FILE = fileURLToPath(new URL('../src/api/schema.gen.ts', import.meta.url));

const HEADER = '// Generated from the server\'s OpenAPI document by `npm run console:client`. Do not edit.\n\n';

/** The TypeScript declarations of an OpenAPI 3.1 document, as the console's client reads them. */
export async function renderClientTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

/** Starts the server in-process on an empty SQLite database and reads its OpenAPI document. */
async function serverDocument(): Promise<object> {
  const { loadConfig } = await import('../../src/config.ts');
  const { openRuntime } = await import('../../src/runtime/runtime.ts');
  const { buildApp } = await import('../../src/http/app.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-client-'));
  try {
    const runtime = await openRuntime(loadConfig({ TOOLPLANE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    const app = await buildApp(runtime);
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    await app.close();
    await runtime.close();
    return response.json();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(CLIENT_TYPES_FILE, await renderClientTypes(await serverDocument()));
  console.log(`wrote ${path.relative(process.cwd(), CLIENT_TYPES_FILE)}`);
}
