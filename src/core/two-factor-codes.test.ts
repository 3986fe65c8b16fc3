import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash, totpStepOf } from './two-factor-codes.ts';

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const nowMs = Date.UTC(2030, 0, 1, 12, 0, 10);
  const codeAt = (offsetSeconds: number) => generate({ secret, epoch: Math.floor(nowMs / 1000) + offsetSeconds });

  it('accepts the current step and one either side, answering the step, and nothing further', async () => {
    const step = Math.floor(nowMs / 30_000);
    expect(await totpStepOf(secret, await codeAt(0), nowMs)).toBe(step);
    expect(await totpStepOf(secret, await codeAt(-30), nowMs)).toBe(step - 1);
    expect(await totpStepOf(secret, await codeAt(30), nowMs)).toBe(step + 1);
    for (const far of [-90, -60, 60, 90]) {
      const code = await codeAt(far);
      // A far step's code may equal a near one's by chance (1 in 10^6); only then is it taken.
      const near = await Promise.all([-30, 0, 30].map(codeAt));
      if (!near.includes(code)) expect(await totpStepOf(secret, code, nowMs)).toBeNull();
    }
  });

  it('ignores spaces and refuses what is not six digits', async () => {
    const code = await codeAt(0);
    expect(await totpStepOf(secret, `${code.slice(0, 3)} ${code.slice(3)}`, nowMs)).not.toBeNull();
    for (const malformed of ['', '12345', '1234567', 'abcdef', `${code}x`]) expect(await totpStepOf(secret, malformed, nowMs)).toBeNull();
  });

  it('names the issuer and the account in the otpauth URI', () => {
    const uri = new URL(otpauthUri('ada@example.com', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toBe('/Toolplane:ada@example.com');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Toolplane');
  });
});

describe('recovery codes', () => {
  it('makes ten distinct readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it('hashes a code the same however it is typed, per account, and refuses what cannot be one', () => {
    const [code] = newRecoveryCodes() as [string];
    const hash = recoveryCodeHash('user-1', code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash('user-1', ` ${code.toUpperCase().replace('-', ' ')} `)).toBe(hash);
    expect(recoveryCodeHash('user-2', code)).not.toBe(hash);
    expect(recoveryCodeHash('user-1', '0o1il-abcde')).toBe(recoveryCodeHash('user-1', '00111-abcde'));
    for (const bad of ['', 'abcd-efgh', 'abcde-fghjk-m', 'abcde-fgh#k', 'abcde-fghuk']) expect(recoveryCodeHash('user-1', bad)).toBeNull();
  });
});
