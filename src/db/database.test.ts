import { describe, expect, it } from 'vitest';
import { isConnectionFailure, isTransactionConflict } from './database.ts';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isConnectionFailure', () => {
  it('recognises refused and dropped connections, a server shutting down and SQLSTATE class 08', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08P01']) {
      expect(isConnectionFailure(withCode(code)), code).toBe(true);
    }
  });

  it('recognises node-postgres errors that carry no code', () => {
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionFailure(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(isConnectionFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('recognises a connection attempt to several addresses that all failed', () => {
    expect(isConnectionFailure(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(isConnectionFailure(new AggregateError([withCode('ECONNREFUSED'), new Error('boom')]))).toBe(false);
  });

  it('leaves constraint violations, syntax errors and anything else alone', () => {
    for (const error of [withCode('23505'), withCode('42601'), withCode('SQLITE_CONSTRAINT_UNIQUE'), new Error('boom'), null, 'ECONNREFUSED', 42]) {
      expect(isConnectionFailure(error)).toBe(false);
    }
  });
});

describe('isTransactionConflict', () => {
  it('recognises a deadlock and a serialization failure, and nothing else', () => {
    expect(isTransactionConflict(withCode('40P01'))).toBe(true);
    expect(isTransactionConflict(withCode('40001'))).toBe(true);
    for (const error of [withCode('23505'), withCode('08006'), new Error('deadlock'), null, '40P01']) {
      expect(isTransactionConflict(error)).toBe(false);
    }
  });
});
