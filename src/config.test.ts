import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RATE_LIMIT, loadConfig } from './config.ts';

describe('rate-limit configuration', () => {
  it('defaults to 1200 requests a minute per token, 60 per address, 10 accepts, counted in the database', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.rateLimit).toEqual({
      perToken: 1200, perAddress: 60, acceptsPerAddress: 10, windowMs: 60_000, redisKeyPrefix: 'toolplane:rl:',
      signInFailuresPerAccount: 10, signInFailuresPerAddress: 30, signInWindowMs: 900_000,
      passwordResetsPerAccount: 5, passwordResetsPerAddress: 20, passwordResetWindowMs: 3_600_000,
    });
    expect(config.rateLimit).toEqual(DEFAULT_RATE_LIMIT);
  });

  it('reads the budgets, 0 switching one off, and Redis', () => {
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: ' 15 ', REDIS_URL: 'redis://cache:6379/2', REDIS_KEY_PREFIX: 'tp:' });
    expect(config.rateLimit).toMatchObject({ perToken: 0, perAddress: 15, redisKeyPrefix: 'tp:' });
    expect(config.redisUrl).toBe('redis://cache:6379/2');
    expect(loadConfig({ REDIS_URL: 'rediss://user:pass@cache:6380' }).redisUrl).toBe('rediss://user:pass@cache:6380');
  });

  it.each([
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_PER_MINUTE', '1e3'],
    ['RATE_LIMIT_ANONYMOUS_PER_MINUTE', '99999999999999999999'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`));
  });

  it.each(['127.0.0.1:6379', 'http://cache:6379', 'redis://'])('refuses REDIS_URL=%s', (url) => {
    expect(() => loadConfig({ REDIS_URL: url })).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, undefined],
    ['false', undefined],
    ['true', true],
    ['10.0.0.0/8, 127.0.0.1,::1', ['10.0.0.0/8', '127.0.0.1', '::1']],
  ])('reads %s as %j', (raw, expected) => {
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each(['yes', '2', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1'])('refuses %s', (raw) => {
    expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(/^TRUST_PROXY must be/);
  });
});

describe('session configuration', () => {
  it('defaults to 8 idle hours and 7 days at most, and reads both in whole minutes and hours', () => {
    expect(loadConfig({}).session).toEqual({ idleMs: 8 * 3_600_000, maxAgeMs: 7 * 86_400_000 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_AGE_HOURS: ' 12 ' }).session).toEqual({ idleMs: 1_800_000, maxAgeMs: 43_200_000 });
  });

  it('refuses a duration that is not a whole number from 1 up, naming the variable', () => {
    for (const value of ['0', '-5', '1.5', 'ten']) {
      expect(() => loadConfig({ SESSION_IDLE_MINUTES: value })).toThrow(/SESSION_IDLE_MINUTES/);
    }
    expect(() => loadConfig({ SESSION_MAX_AGE_HOURS: '0' })).toThrow(ConfigError);
  });
});
