import { Redis } from 'ioredis';
import type { RateCount, RateCounter } from '../core/rate-counter.ts';

/** Counts a hit; the first hit of a window (or a key left without expiry) sets the window's length. */
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

const PEEK = `
local count = redis.call('GET', KEYS[1])
if not count then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(count), ttl}
`;

/** The scripts as client commands: ioredis sends each by its SHA and loads it once when Redis lacks it. */
type CounterClient = Redis & {
  rateHit(key: string, windowMs: number): Promise<[number, number]>;
  ratePeek(key: string): Promise<[number, number]>;
};

/** Milliseconds a command may take before it counts as failed; the request then goes on unlimited. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * Counters in Redis, one key per budget under `prefix`, expiring with their window. While
 * Redis cannot be reached, commands fail at once instead of queueing (the caller fails
 * open) and the client keeps reconnecting in the background.
 */
export class RedisRateCounter implements RateCounter {
  private constructor(private readonly redis: CounterClient, private readonly prefix: string) {}

  /** Connects, waiting at most a couple of seconds; an unreachable server is not an error here. */
  static async open(url: string, prefix: string): Promise<RedisRateCounter> {
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
    }) as CounterClient;
    redis.defineCommand('rateHit', { numberOfKeys: 1, lua: HIT });
    redis.defineCommand('ratePeek', { numberOfKeys: 1, lua: PEEK });
    // Failures surface as rejected commands; without a listener ioredis would print each one.
    redis.on('error', () => undefined);
    await redis.connect().catch(() => undefined);
    return new RedisRateCounter(redis, prefix);
  }

  async hit(key: string, windowMs: number): Promise<RateCount> {
    const [count, ttl] = await this.redis.rateHit(this.prefix + key, windowMs);
    return { count, resetInMs: Math.max(1, ttl) };
  }

  async peek(key: string): Promise<RateCount> {
    const [count, ttl] = await this.redis.ratePeek(this.prefix + key);
    return { count, resetInMs: count > 0 ? Math.max(1, ttl) : 0 };
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
