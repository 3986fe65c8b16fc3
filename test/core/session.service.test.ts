import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionService, TOUCH_INTERVAL_MS } from '../../src/core/session.service.ts';
import { Store } from '../../src/db/store.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let store: Store;
let clock = Date.now();
/** A service on the test's own clock: an hour of idle time, a day at most. */
let sessions: SessionService;

beforeAll(async () => {
  h = await Harness.start();
  store = new Store(h.runtime.database);
  sessions = new SessionService(store, { idleMs: 3_600_000, maxAgeMs: 86_400_000 }, () => clock);
});
afterAll(async () => {
  await h.close();
});

const client = { address: '10.0.0.1', userAgent: 'test' };
const lastSeen = async (id: string) =>
  new Date((await h.runtime.database.db.selectFrom('sessions').select('last_seen_at').where('id', '=', id).executeTakeFirstOrThrow()).last_seen_at).getTime();
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe(`session lifetimes on ${testDialect()}`, () => {
  it('writes the last use once a minute at most, and that use keeps an idle session alive', async () => {
    const userId = (await h.services.accounts.get(ADMIN_EMAIL)).id;
    const started = await store.write((repos) => sessions.start(repos, userId, 'password', client));
    const createdAt = await lastSeen(started.session.id);

    clock += TOUCH_INTERVAL_MS / 2;
    await Promise.all(Array.from({ length: 20 }, () => sessions.authenticate(started.secret)));
    await settle();
    expect(await lastSeen(started.session.id)).toBe(createdAt);

    clock += TOUCH_INTERVAL_MS;
    const seen = await Promise.all(Array.from({ length: 20 }, () => sessions.authenticate(started.secret)));
    expect(seen.every((session) => session?.sessionId === started.session.id)).toBe(true);
    await settle();
    expect(await lastSeen(started.session.id)).toBe(clock);

    // 59 idle minutes after that use, the session still works, and that use is written too;
    // an hour after the last one written, it has ended.
    clock += 59 * 60_000;
    expect(await sessions.authenticate(started.secret)).not.toBeNull();
    await settle();
    expect(await lastSeen(started.session.id)).toBe(clock);
    clock += 3_600_000;
    expect(await sessions.authenticate(started.secret)).toBeNull();
  });
});
