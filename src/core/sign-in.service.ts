import { randomBytes } from 'node:crypto';
import type { RateLimitConfig } from '../config.ts';
import type { UserRow } from '../db/schema.ts';
import type { TwoFactorStateRow } from '../db/two-factor.repository.ts';
import type { Store } from '../db/store.ts';
import { recordAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Me, MeService } from './me.service.ts';
import type { RateCounter } from './rate-counter.ts';
import type { ClientInfo, SessionService, StartedSession } from './session.service.ts';
import { refusePasswordWhereSsoOnly } from './sso-password-policy.ts';
import type { SecondFactorProof, TwoFactorService } from './two-factor.service.ts';

/** The second factor's codes matter only for an account with two-factor on. */
export interface PasswordSignIn extends SecondFactorProof {
  email: string;
  password: string;
}

/** The one answer to every failed sign-in: it tells nobody which emails have accounts. */
export function signInRefused(): DomainError {
  return new DomainError('unauthorized', 'invalid_credentials', 'The email or password is not correct');
}

/**
 * Password sign-in. Whatever the cause of a failure (no such account, a wrong password, an
 * archived account, an account without a password), the answer is the same 401 and takes
 * the same time: a password is hashed either way. Failures are counted per account and per
 * client address in the shared counters; past either budget sign-ins are refused (429) until
 * the window ends, so strangers can hold an account back for one window at most.
 *
 * An account with two-factor on needs a second factor once its password is right: without
 * one the answer is 401 `second_factor_required`; a wrong or reused code is the same
 * `invalid_credentials` as a wrong password, and counts as a failure.
 */
export class SignInService {
  /** A hash no password matches, checked when there is no account, so that failing costs what succeeding does. */
  private readonly decoy: Promise<string>;

  constructor(
    private readonly store: Store,
    private readonly sessions: SessionService,
    private readonly counter: RateCounter,
    private readonly limits: Pick<RateLimitConfig, 'signInFailuresPerAccount' | 'signInFailuresPerAddress' | 'signInWindowMs'>,
    private readonly twoFactor: TwoFactorService,
    private readonly me: MeService,
  ) {
    this.decoy = hashPassword(randomBytes(32).toString('base64url'));
    // Built eagerly; an unhandled rejection here would only repeat at the first sign-in.
    this.decoy.catch(() => undefined);
  }

  /**
   * Starts a session for the person, in one transaction with its `auth.signed_in` event, and
   * answers it with the person as `/me` shows them.
   *
   * What the answer and the password policy need is read while the password is hashed, so a
   * sign-in costs the hash and little more; nothing read then decides anything, or shows in
   * the time taken, before the password is known to be right.
   */
  async signIn(input: PasswordSignIn, client: ClientInfo): Promise<StartedSession & { me: Me }> {
    const email = input.email.trim().toLowerCase();
    const [, user] = await Promise.all([
      this.refuseOverBudget(email, client.address),
      this.store.read((repos) => repos.users.getByEmail(email)),
    ]);
    const [matches, ahead] = await Promise.all([
      verifyPassword(input.password, user?.password_hash ?? (await this.decoy)),
      user ? this.readAhead(user) : undefined,
    ]);
    if (!user || !matches || user.status === 'archived') return this.refuse(email, user?.id ?? email, client, {});
    const read = await ahead!;
    if (read instanceof Error) throw read;
    const secondFactor = await this.twoFactor.checkSignIn(read.twoFactor, input);
    if (secondFactor === 'refused') return this.refuse(email, user.id, client, { secondFactor: 'refused' });
    const { me } = read;
    const started = await this.sessions.startRecorded(user.id, 'password', client, (session) => ({
      action: 'auth.signed_in', target: { type: 'account', id: user.id }, workspaceId: null,
      changes: {
        method: 'password', sessionId: session.id, address: client.address, userAgent: client.userAgent,
        ...(secondFactor === 'off' ? {} : { secondFactor }),
      },
    }));
    return { ...started, me };
  }

  /**
   * The person as the answer shows them and their two-factor state, or the refusal of the
   * password policy (`refusePasswordWhereSsoOnly`): an error answered as a value, so that it
   * waits for the password check instead of cutting it short.
   */
  private async readAhead(user: UserRow): Promise<{ me: Me; twoFactor: TwoFactorStateRow } | Error> {
    try {
      const [me, twoFactor] = await Promise.all([
        this.me.get(user.id),
        this.twoFactor.signInState(user.id),
        this.store.read((repos) => refusePasswordWhereSsoOnly(repos, user)),
      ]);
      return { me, twoFactor };
    } catch (error) {
      return error as Error;
    }
  }

  /** Counts a failed sign-in, records it as `auth.sign_in_failed` (never the password or code), and refuses it. */
  private async refuse(email: string, target: string, client: ClientInfo, detail: Record<string, unknown>): Promise<never> {
    await this.countFailure(email, client.address);
    await this.store.write((repos) => recordAudit(repos, {
      action: 'auth.sign_in_failed', target: { type: 'account', id: target }, workspaceId: null,
      changes: { email, address: client.address, userAgent: client.userAgent, ...detail },
    }));
    throw signInRefused();
  }

  private async refuseOverBudget(email: string, address: string | null): Promise<void> {
    const { signInFailuresPerAccount: perAccount, signInFailuresPerAddress: perAddress, signInWindowMs: windowMs } = this.limits;
    const checks = [
      perAccount > 0 ? this.peek(`sign-in:account:${email}`, windowMs, perAccount) : 0,
      perAddress > 0 && address ? this.peek(`sign-in:address:${address}`, windowMs, perAddress) : 0,
    ];
    const waitMs = Math.max(...(await Promise.all(checks)));
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new DomainError('rate_limited', 'rate_limited', `Too many failed sign-ins; retry in ${seconds} s`, undefined, {
        retryAfterSeconds: String(seconds),
      });
    }
  }

  /** Milliseconds until the key's window ends when it holds `max` failures already, else 0. A counter that fails refuses nothing. */
  private async peek(key: string, windowMs: number, max: number): Promise<number> {
    try {
      const count = await this.counter.peek(key, windowMs);
      return count.count >= max ? count.resetInMs : 0;
    } catch {
      return 0;
    }
  }

  private async countFailure(email: string, address: string | null): Promise<void> {
    const { signInWindowMs: windowMs } = this.limits;
    const keys = [`sign-in:account:${email}`, ...(address ? [`sign-in:address:${address}`] : [])];
    await Promise.all(keys.map((key) => this.counter.hit(key, windowMs).catch(() => undefined)));
  }
}
