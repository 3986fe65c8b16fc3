import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { toNativeError } from './native/errors.ts';
import { retryableAsUnavailable } from './database-errors.ts';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });

describe('retryableAsUnavailable', () => {
  it('answers a deadlock as a 503 that says to retry, and a lost connection as database_unavailable', () => {
    expect(toNativeError(withCode('40P01'))).toMatchObject({ status: 503, body: { code: 'write_conflict' } });
    expect(toNativeError(withCode('40001'))).toMatchObject({ status: 503, body: { code: 'write_conflict' } });
    expect(toNativeError(withCode('ECONNREFUSED'))).toMatchObject({ status: 503, body: { code: 'database_unavailable' } });
  });

  it('gives any other error back as it is', () => {
    const error = withCode('23505');
    expect(retryableAsUnavailable(error)).toBe(error);
    expect(retryableAsUnavailable(new DomainError('not_found', 'not_found', 'gone'))).toBeInstanceOf(DomainError);
  });
});
