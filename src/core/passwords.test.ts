import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('qwy@4xt123');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('qwy@4xt123');
    expect(await verifyPassword('qwy@4xt123', hash)).toBe(true);
    expect(await verifyPassword('qwy@4xt124', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'md5$1$2$3$abc$def')).toBe(false);
  });
});
