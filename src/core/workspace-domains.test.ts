import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { emailDomain, isExternalEmail, normalizeDomains } from './workspace-domains.ts';

describe('normalizeDomains', () => {
  it('lower-cases and drops duplicates, keeping the order', () => {
    expect(normalizeDomains(['Example.COM', 'corp.example.org', 'example.com', 'xn--bcher-kva.example'])).toEqual([
      'example.com', 'corp.example.org', 'xn--bcher-kva.example',
    ]);
    expect(normalizeDomains([])).toEqual([]);
  });

  it('refuses anything but a domain name, naming the item', () => {
    const bad = ['localhost', 'https://example.com', 'a@example.com', '*.example.com', ' example.com', 'example.com.', '-a.example.com',
      'a-.example.com', 'exa mple.com', 'example.123', `${'a'.repeat(64)}.com`, ''];
    for (const value of bad) {
      let error: unknown;
      try {
        normalizeDomains(['ok.example', value]);
      } catch (caught) {
        error = caught;
      }
      expect(error, value).toBeInstanceOf(DomainError);
      expect((error as DomainError).field).toBe('domains.1');
    }
  });
});

describe('external emails', () => {
  it('compare the domain after the last @, whatever its case, exactly', () => {
    expect(emailDomain('Ann@Corp.Example.com')).toBe('corp.example.com');
    expect(isExternalEmail('ann@EXAMPLE.com', ['example.com'])).toBe(false);
    expect(isExternalEmail('ann@mail.example.com', ['example.com'])).toBe(true);
    expect(isExternalEmail('ann@example.com', [])).toBe(true);
  });
});
