import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

/** Deeper JSON than this is refused: no real request needs it, and deep input can exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

class JsonBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_CTP_INVALID_JSON_BODY';
}

/** The deepest array/object nesting of a JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

/**
 * Replaces Fastify's JSON parser, in `app`'s scope, with one that refuses over-deep nesting
 * before parsing, and still strips prototype-poisoning keys (`__proto__`,
 * `constructor.prototype`). `allowEmpty` reads an empty body as no body, for clients that
 * send `Content-Type: application/json` on every request (ToolJet's examples do).
 * `contentTypes` are the media types parsed so (SCIM's `application/scim+json` too); JSON by default.
 */
export function registerJsonBodyParser(app: FastifyInstance, options: { allowEmpty: boolean; contentTypes?: string[] }): void {
  const contentTypes = options.contentTypes ?? ['application/json'];
  for (const type of contentTypes) if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
  app.addContentTypeParser(contentTypes, { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.length === 0) {
      if (options.allowEmpty) return done(null, undefined);
      return done(new JsonBodyError('Body cannot be empty when content-type is set to \'application/json\''), undefined);
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      return done(new JsonBodyError(`Body nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }));
    } catch (error) {
      done(new JsonBodyError(`Body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
}
