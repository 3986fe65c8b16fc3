import { describe, expect, it } from 'vitest';
import { isSecretPath, redactUrl, secretPageOf } from './redaction.ts';

describe('redactUrl', () => {
  it('cuts everything after the invite page\'s prefix, however the link is mangled', () => {
    for (const url of ['/invite/tpi_abc', '/invite/tpi_abc/x', '/invite/tpi_abc%', '/invite/tpi_abc%ZZ', '//invite/tpi_abc', '/INVITE/tpi_abc', '/invite%2Ftpi_abc']) {
      expect(redactUrl(url)).toMatch(/^\/+(invite|INVITE)\/\[redacted\]$/);
    }
  });

  it('cuts the password reset page\'s token the same way, and names the page it belongs to', () => {
    for (const url of ['/reset-password/tpr_abc', '/reset-password/tpr_abc/x', '//Reset-Password/tpr_abc', '/reset-password%2Ftpr_abc']) {
      expect(redactUrl(url)).toMatch(/^\/+reset-password\/\[redacted\]$/i);
      expect(secretPageOf(url)).toBe('reset-password');
    }
    expect(secretPageOf('/INVITE/tpi_abc')).toBe('invite');
    expect(secretPageOf('/api/v1/auth/password-reset/confirm')).toBeNull();
  });

  it('leaves other paths alone, including the invites API', () => {
    for (const path of ['/api/v1/invites/accept', '/api/v1/invites/0000', '/invite', '/invites/x', '/api/ext/user/a@b.example']) {
      expect(redactUrl(path)).toBe(path);
      expect(isSecretPath(path)).toBe(false);
    }
  });

  it('redacts the values of credential-like query parameters, keeping the rest as sent', () => {
    expect(redactUrl('/api/v1/users?page=2&token=a&Access_Token=b&apiKey=c&pass%77ord=d&sig=e&name=x%20y&flag'))
      .toBe('/api/v1/users?page=2&token=[redacted]&Access_Token=[redacted]&apiKey=[redacted]&pass%77ord=[redacted]&sig=[redacted]&name=x%20y&flag');
    expect(redactUrl('/invite/tpi_abc?secret=s')).toBe('/invite/[redacted]?secret=[redacted]');
    expect(redactUrl('/x?%ZZtoken=1')).toBe('/x?%ZZtoken=[redacted]');
    expect(redactUrl('/api/v1/auth/sso/callback?code=c&state=s&iss=https%3A%2F%2Fidp&zipcode=1'))
      .toBe('/api/v1/auth/sso/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp&zipcode=1');
  });
});
