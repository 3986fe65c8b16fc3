import type { RateLimitConfig } from '../config.ts';
import type { Store } from '../db/store.ts';
import type { TwoFactorStateRow } from '../db/two-factor.repository.ts';
import { recordAudit } from './audit.ts';
import { belongsToWorkspaceAlone } from './account-boundary.ts';
import type { Actor } from './actor.ts';
import { DomainError, conflict, forbidden, invalidInput, notFound } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import type { RateCounter } from './rate-counter.ts';
import { RecentReads } from './recent-reads.ts';
import type { SecretBox } from './secrets.ts';
import {
  TOTP_PERIOD_SECONDS, newRecoveryCodes, newTotpSecret, otpauthUri, qrCodeDataUrl, recoveryCodeHash, totpStepOf,
} from './two-factor-codes.ts';

/** What an authenticator app enrols from; the secret is shown this once and stored sealed. */
export interface TwoFactorEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code: an SVG image in a `data:` URL. */
  qrCode: string;
}

/** A sign-in's second factor: a code of the authenticator app, or one of the recovery codes. */
export interface SecondFactorProof {
  totpCode?: string;
  recoveryCode?: string;
}

/**
 * How a sign-in's second factor went: `off` when the account has no two-factor (codes given
 * are ignored), the factor that proved it, or `refused` for a wrong or reused code.
 */
export type SecondFactorCheck = 'off' | 'totp' | 'recovery_code' | 'refused';

/** Proof of the person wanting two-factor off: their password, or a current code of their app. */
export interface TwoFactorDisable {
  password?: string;
  code?: string;
}

/** Binds a sealed TOTP secret to its account, so it cannot be copied onto another. */
export function totpSecretContext(userId: string): string {
  return `user:${userId}:totp_secret`;
}

/** How long a used TOTP step stays claimed: past the last moment it is accepted (one step after its own), with room for clock skew. */
const USED_STEP_WINDOW_MS = 4 * TOTP_PERIOD_SECONDS * 1000;

/**
 * Two-factor sign-in with TOTP (RFC 6238) and single-use recovery codes. The secret is sealed
 * by the secret box under `totpSecretContext`; recovery codes are stored as hashes and shown
 * once. A TOTP code is accepted for the current step and one either side, and once only per
 * account (RFC 6238 §5.2): its step is claimed in the shared counters, so a code seen over a
 * shoulder or replayed from a log is refused on every server process.
 *
 * Wrong codes and passwords given on the person's own routes count against a per-account
 * budget (the sign-in failure budget), so a stolen session cannot guess its way to turning
 * two-factor off; past it they are a 429 until the window ends.
 */
export class TwoFactorService {
  /** Whether an account has two-factor on, and whether a workspace requires it: read for every request of a session. */
  private readonly enabled: RecentReads<boolean>;
  private readonly required: RecentReads<boolean>;

  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly counter: RateCounter,
    private readonly limits: Pick<RateLimitConfig, 'signInFailuresPerAccount' | 'signInWindowMs'>,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.enabled = new RecentReads(store, { rowsOf: ['users'] });
    this.required = new RecentReads(store, { rowsOf: ['workspaces'] });
  }

  /**
   * Starts enrolment with a new secret, stored sealed and not yet in force, with its
   * `account.two_factor_setup_started` event; it replaces the secret of an enrolment not yet
   * confirmed. 409 `two_factor_enabled` when two-factor is on.
   */
  async setup(userId: string): Promise<TwoFactorEnrolment> {
    const state = await this.load(userId);
    if (state.totp_enabled_at !== null) throw alreadyEnabled();
    const secret = newTotpSecret();
    await this.store.write(async (repos) => {
      if (!(await repos.twoFactor.setPendingSecret(userId, this.box.seal(secret, totpSecretContext(userId))))) throw alreadyEnabled();
      await recordAudit(repos, { action: 'account.two_factor_setup_started', target: { type: 'account', id: userId }, workspaceId: null });
    });
    const uri = otpauthUri(state.email, secret);
    return { secret, otpauthUri: uri, qrCode: await qrCodeDataUrl(uri) };
  }

  /**
   * Turns two-factor on once `code` proves the app holds the secret from `setup`, and answers
   * the account's new recovery codes, which are never shown again. Enabling, storing the codes
   * and the `account.two_factor_enabled` event commit together, with the end of the person's
   * sessions but `currentSessionId` (they were signed in without the second factor). A wrong
   * code is a 400 naming `code`; no enrolment under way is a 409 `two_factor_not_set_up`.
   */
  async confirm(userId: string, code: string, currentSessionId: string | null): Promise<string[]> {
    await this.refuseOverBudget(userId);
    const state = await this.load(userId);
    if (state.totp_enabled_at !== null) throw alreadyEnabled();
    if (state.totp_secret === null) throw conflict('two_factor_not_set_up', 'Set up two-factor sign-in before confirming it');
    await this.requireCode(userId, state.totp_secret, code);
    const codes = newRecoveryCodes();
    await this.store.write(async (repos) => {
      if (!(await repos.twoFactor.enable(userId, state.totp_secret!, new Date(this.now()).toISOString()))) {
        throw conflict('two_factor_changed', 'Two-factor sign-in changed while confirming; set it up again');
      }
      await repos.twoFactor.replaceRecoveryCodes(userId, codes.map((recovery) => recoveryCodeHash(userId, recovery)!));
      const sessionsEnded = await repos.sessions.deleteForUser(userId, currentSessionId ?? undefined);
      await recordAudit(repos, {
        action: 'account.two_factor_enabled', target: { type: 'account', id: userId }, workspaceId: null,
        changes: { recoveryCodes: codes.length, sessionsEnded },
      });
    });
    return codes;
  }

  /** New recovery codes for a current code of the app; the old ones stop working in the same transaction. */
  async regenerateRecoveryCodes(userId: string, code: string): Promise<string[]> {
    await this.refuseOverBudget(userId);
    const state = await this.load(userId);
    if (state.totp_enabled_at === null || state.totp_secret === null) throw notEnabled();
    await this.requireCode(userId, state.totp_secret, code);
    const codes = newRecoveryCodes();
    await this.store.write(async (repos) => {
      await repos.twoFactor.replaceRecoveryCodes(userId, codes.map((recovery) => recoveryCodeHash(userId, recovery)!));
      await recordAudit(repos, {
        action: 'account.recovery_codes_regenerated', target: { type: 'account', id: userId }, workspaceId: null, changes: { recoveryCodes: codes.length },
      });
    });
    return codes;
  }

  /**
   * Turns two-factor off (or abandons an enrolment under way), forgetting the secret and the
   * recovery codes and ending the person's sessions but `currentSessionId`, once the person gives their password (a wrong one is a 403
   * `wrong_password`) or a current code of their app (a wrong one is a 400 naming `code`).
   */
  async disable(userId: string, proof: TwoFactorDisable, currentSessionId: string | null): Promise<void> {
    await this.refuseOverBudget(userId);
    const state = await this.load(userId);
    if (state.totp_secret === null) throw notEnabled();
    if (proof.password !== undefined) {
      if (state.password_hash === null || !(await verifyPassword(proof.password, state.password_hash))) {
        await this.countFailure(userId);
        throw new DomainError('forbidden', 'wrong_password', 'The password is not correct', 'password');
      }
    } else if (proof.code !== undefined) {
      await this.requireCode(userId, state.totp_secret, proof.code);
    } else {
      throw invalidInput('password', 'give the account\'s password, or a current code of the authenticator app as `code`');
    }
    await this.store.write(async (repos) => {
      await repos.twoFactor.clear(userId);
      const sessionsEnded = await repos.sessions.deleteForUser(userId, currentSessionId ?? undefined);
      await recordAudit(repos, {
        action: 'account.two_factor_disabled', target: { type: 'account', id: userId }, workspaceId: null,
        changes: { provedWith: proof.password !== undefined ? 'password' : 'code', sessionsEnded },
      });
    });
  }

  /**
   * A workspace administrator's reset of a member's two-factor sign-in: the secret (or an
   * enrolment under way) and the recovery codes are forgotten and every session of the
   * person ends, in one transaction with the `account.two_factor_reset` event. The person
   * must be a member of the actor's workspace (404 otherwise) and, enrolment being the
   * account's, of no other (409 `account_shared`, the account boundary rule). An account
   * without two-factor is left as it is and nothing is recorded. One's own two-factor is
   * turned off with proof, at /me/two-factor (403 `own_two_factor`).
   */
  async reset(actor: Actor, userId: string): Promise<void> {
    if (userId === actor.userId) {
      throw forbidden('own_two_factor', 'Turn your own two-factor sign-in off with your password or a code, at /api/v1/me/two-factor');
    }
    await this.store.write(async (repos) => {
      if (!(await repos.memberships.get(actor.workspaceId, userId, 'update'))) throw notFound('user', userId);
      if (!(await belongsToWorkspaceAlone(repos, userId, actor.workspaceId))) {
        throw conflict('account_shared', 'The account belongs to other workspaces too: no workspace can reset its two-factor sign-in; the person turns it off at /api/v1/me/two-factor');
      }
      const state = await repos.twoFactor.get(userId);
      if (!state || state.totp_secret === null) return;
      await repos.twoFactor.clear(userId);
      const sessionsEnded = await repos.sessions.deleteForUser(userId);
      await recordAudit(repos, {
        action: 'account.two_factor_reset', target: { type: 'account', id: userId }, workspaceId: actor.workspaceId,
        changes: { wasEnabled: state.totp_enabled_at !== null, sessionsEnded },
      });
    });
  }

  /**
   * The second factor of a sign-in whose password was right. With two-factor on and neither
   * code given it throws 401 `second_factor_required`, so the client knows to ask for one. A
   * TOTP code is tried when given, else the recovery code; a recovery code is used up here,
   * in its own transaction, before the session starts. `state` is `signInState`'s, read while
   * the password was checked.
   */
  async checkSignIn(state: TwoFactorStateRow, proof: SecondFactorProof): Promise<SecondFactorCheck> {
    const userId = state.id;
    if (state.totp_enabled_at === null || state.totp_secret === null) return 'off';
    if (proof.totpCode !== undefined) return (await this.acceptTotp(userId, state.totp_secret, proof.totpCode)) ? 'totp' : 'refused';
    if (proof.recoveryCode !== undefined) {
      const hash = recoveryCodeHash(userId, proof.recoveryCode);
      const at = new Date(this.now()).toISOString();
      const used = hash !== null && (await this.store.write((repos) => repos.twoFactor.useRecoveryCode(userId, hash, at)));
      return used ? 'recovery_code' : 'refused';
    }
    throw new DomainError('unauthorized', 'second_factor_required',
      'This account signs in with a second factor: send `totpCode` from the authenticator app, or a `recoveryCode`');
  }

  /** The account's two-factor state, as `checkSignIn` needs it. */
  signInState(userId: string): Promise<TwoFactorStateRow> {
    return this.load(userId);
  }

  /**
   * Whether a session of the person must be refused in the workspace: it requires two-factor
   * and the person has not turned it on. Remembered as other authorization reads are (a change
   * made by another process is seen within a second).
   */
  async mustEnrol(userId: string, workspaceId: string): Promise<boolean> {
    const required = await this.required.get(workspaceId, () => this.store.read(
      async (repos) => (await repos.workspaces.requiringTwoFactor([workspaceId])).has(workspaceId)));
    if (!required) return false;
    return !(await this.enabled.get(userId, () => this.store.read(async (repos) => (await repos.twoFactor.get(userId))?.totp_enabled_at != null)));
  }

  /** `mustEnrol` from memory alone; undefined when something must be read. */
  mustEnrolFromMemory(userId: string, workspaceId: string): boolean | undefined {
    const required = this.required.peek(workspaceId);
    if (required !== true) return required;
    const enabled = this.enabled.peek(userId);
    return enabled === undefined ? undefined : !enabled;
  }

  private async load(userId: string): Promise<TwoFactorStateRow> {
    const state = await this.store.read((repos) => repos.twoFactor.get(userId));
    if (!state) throw new DomainError('not_found', 'user_not_found', `User ${userId} not found`);
    return state;
  }

  /** A wrong (or reused) code of the person's own routes: 400 naming `code`, counted against the budget. */
  private async requireCode(userId: string, sealedSecret: string, code: string): Promise<void> {
    if (await this.acceptTotp(userId, sealedSecret, code)) return;
    await this.countFailure(userId);
    throw invalidInput('code', 'is not the current code of the authenticator app, or was used already', 'wrong_code');
  }

  /**
   * Whether `code` is the secret's code for now (± one step) and its step was not used by this
   * account before, claiming the step. A counter that fails claims nothing and refuses
   * nothing, as with the sign-in throttle: the code itself was right.
   */
  private async acceptTotp(userId: string, sealedSecret: string, code: string): Promise<boolean> {
    const secret = this.box.open(sealedSecret, totpSecretContext(userId));
    const step = await totpStepOf(secret, code, this.now());
    if (step === null) return false;
    try {
      return (await this.counter.hit(`totp-used:${userId}:${step}`, USED_STEP_WINDOW_MS)).count === 1;
    } catch {
      return true;
    }
  }

  private async refuseOverBudget(userId: string): Promise<void> {
    const { signInFailuresPerAccount: max, signInWindowMs: windowMs } = this.limits;
    if (max <= 0) return;
    let waitMs = 0;
    try {
      const count = await this.counter.peek(failureKey(userId), windowMs);
      waitMs = count.count >= max ? count.resetInMs : 0;
    } catch {
      // A counter that fails refuses nothing.
    }
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new DomainError('rate_limited', 'rate_limited', `Too many wrong codes or passwords; retry in ${seconds} s`, undefined, {
        retryAfterSeconds: String(seconds),
      });
    }
  }

  private async countFailure(userId: string): Promise<void> {
    await this.counter.hit(failureKey(userId), this.limits.signInWindowMs).catch(() => undefined);
  }
}

function failureKey(userId: string): string {
  return `two-factor:account:${userId}`;
}

function alreadyEnabled(): DomainError {
  return conflict('two_factor_enabled', 'Two-factor sign-in is on already; turn it off before setting it up again');
}

function notEnabled(): DomainError {
  return conflict('two_factor_not_enabled', 'Two-factor sign-in is not on for this account');
}
