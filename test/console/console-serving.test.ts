import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { NAV } from '../../web/src/app/nav.ts';
import { Harness } from '../helpers/harness.ts';

const PAGE = '<!doctype html><title>Toolplane</title><script type="module" src="/assets/index-abc123.js"></script>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let h: Harness;
let app: FastifyInstance;
let unbuilt: FastifyInstance;
let root: string;

beforeAll(async () => {
  h = await Harness.start();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-console-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), PAGE);
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  app = await buildApp(h.runtime, { consoleRoot: root });
  unbuilt = await buildApp(h.runtime, { consoleRoot: path.join(root, 'missing') });
});

afterAll(async () => {
  await app?.close();
  await unbuilt?.close();
  await h?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the console at /', () => {
  it('answers its page at / with headers that keep other sites out and always revalidate', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(PAGE);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it.each(['/users', '/users/6f1c0e9e-4ab2-4d7e-9d0a-3a7c1d2b9f10', '/account?tab=sessions', '/forgot-password'])(
    'answers its page at the console path %s a browser opens',
    async (url) => {
      const response = await app.inject({ method: 'GET', url, headers: HTML });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(PAGE);
    },
  );

  it.each(NAV.map((entry) => entry.path))('answers its page at %s, an area of the navigation, so it can be reloaded', async (url) => {
    const response = await app.inject({ method: 'GET', url, headers: HTML });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(PAGE);
  });

  it('serves its files under /assets/, cached for a year as immutable', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1)');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toContain('javascript');
  });

  it.each([
    ['an unknown file under /assets/', '/assets/nope.js'],
    ['a path outside the folder', '/assets/..%2Findex.html'],
    ['an unknown API route', '/api/v1/nope'],
    ['a route under /api/ that no API serves', '/api/v3/nope'],
  ])('leaves %s a 404, not the page, even to a browser', async (_name, url) => {
    const response = await app.inject({ method: 'GET', url, headers: HTML });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toBe(PAGE);
  });

  it('keeps the JSON 404 for scripts at unknown paths, and for writes', async () => {
    for (const request of [{ method: 'GET' as const, url: '/nope' }, { method: 'POST' as const, url: '/users', headers: HTML }]) {
      const response = await app.inject(request);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'route_not_found' });
    }
  });

  it('leaves the docs, the API and the emailed links\' pages where they were', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: HTML })).json()).toHaveProperty('openapi');
    expect((await app.inject({ method: 'GET', url: '/docs/json', headers: HTML })).statusCode).toBe(200);
    const invite = await app.inject({ method: 'GET', url: '/invite/tpi_unknown', headers: HTML });
    expect(invite.statusCode).toBe(404);
    expect(invite.body).not.toBe(PAGE);
    expect(invite.headers['content-type']).toContain('text/html');
  });

  it('says the console is not built when its folder has no page', async () => {
    const response = await unbuilt.inject({ method: 'GET', url: '/', headers: HTML });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'console_not_built' });
  });
});
