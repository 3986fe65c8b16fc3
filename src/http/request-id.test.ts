import type { RawRequestDefaultExpression } from 'fastify';
import { describe, expect, it } from 'vitest';
import { requestId } from './request-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const withHeader = (value?: string | string[]) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as RawRequestDefaultExpression;

describe('requestId', () => {
  it('keeps a client id of 1 to 128 visible ASCII characters', () => {
    for (const id of ['a', 'trace-42', '~!@#$%^&*()_+{}|:"<>?', 'x'.repeat(128)]) expect(requestId(withHeader(id))).toBe(id);
  });

  it('generates one for no id, an empty one, a longer one, or one with spaces, controls or other characters', () => {
    for (const id of [undefined, '', 'x'.repeat(129), 'a b', 'a\tb', 'a\u0000b', 'a\u007fb', 'é', ['a', 'b']]) {
      expect(requestId(withHeader(id))).toMatch(UUID);
    }
  });
});
