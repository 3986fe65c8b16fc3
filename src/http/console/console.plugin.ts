import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface ConsoleOptions {
  /** The folder of the built console (`dist/console`): `index.html` and `assets/`. */
  root: string;
}

/** Where `npm run build` puts the console: `dist/console` beside the package's package.json. */
export function defaultConsoleRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return path.join(folder, 'dist', 'console');
}

/** Paths the server answers itself, never with the console: APIs, docs, probes, emailed links' pages, the console's files. */
const SERVER_PREFIXES = ['/api', '/scim', '/docs', '/invite', '/reset-password', '/healthz', '/readyz', '/assets'];

/**
 * Headers of the console's page. Styles may be inline (the component library sets them per
 * element); images may be `data:` URLs (the two-factor QR code); nothing else from elsewhere.
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/**
 * Whether a request no route took is a browser opening a page of the console (the app
 * routes on the client): a GET or HEAD accepting HTML, outside the server's own paths.
 * Scripts asking for JSON at an unknown path still get the JSON 404.
 */
export function isConsolePage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!request.headers.accept?.includes('text/html')) return false;
  const urlPath = request.url.split('?')[0]!;
  return !SERVER_PREFIXES.some((prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`));
}

/**
 * The web console, built by Vite from web/: its page at `/` (and, through the not-found
 * handler, at every console path), its content-hashed files under `/assets/`, cached for a
 * year. The page is read once; until the console is built it is a 404 `console_not_built`.
 * Answers the function that sends the page.
 */
export async function registerConsole(app: FastifyInstance, options: ConsoleOptions): Promise<(reply: FastifyReply) => FastifyReply> {
  const indexFile = path.join(options.root, 'index.html');
  let page: Buffer | undefined;
  const sendPage = (reply: FastifyReply): FastifyReply => {
    page ??= fs.existsSync(indexFile) ? fs.readFileSync(indexFile) : undefined;
    if (!page) return reply.code(404).send({ message: 'The console is not built: run npm run build', code: 'console_not_built' });
    return reply.code(200).headers(PAGE_HEADERS).send(page);
  };

  app.get('/', (_request, reply) => sendPage(reply));
  await app.register(fastifyStatic, {
    root: path.join(options.root, 'assets'),
    prefix: '/assets/',
    // Vite names each file by its content's hash: a name never changes meaning.
    immutable: true,
    maxAge: '365d',
    index: false,
    decorateReply: false,
  });
  return sendPage;
}
