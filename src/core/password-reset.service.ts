import { randomUUID } from 'node:crypto';
import type { RateLimitConfig } from '../config.ts';
import type { PasswordResetRow, UserRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { recordAudit } from './audit.ts';
import { DomainError, gone, invalidInput } from './errors.ts';
import type { PasswordResetMailer } from './mailer.ts';
import { hashPassword } from './passwords.ts';
import type { RateCounter } from './rate-counter.ts';
import type { ClientInfo, SessionService } from './session.service.ts';
import { generateTokenSecret, hashTokenSecret } from './token-secret.ts';

/** Prefix of password reset tokens, so secret scanners and people can tell them from other tokens. */
export const PASSWORD_RESET_PREFIX = 'tpr_';
export const RESET_LIFETIME_MS = 3_600_000;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;
/** Ended resets are kept this long, so their links are answered `reset_gone` rather than as unknown. */
const KEPT_AFTER_END_MS = 7 * 86_400_000;
const MAX_ERROR_LENGTH = 500;

export interface PasswordResetDelivery {
  /** Null without SMTP: then no reset is ever made, as its link could reach nobody but the caller. */
  mailer: PasswordResetMailer | null;
  /** Base of the reset links (`<publicUrl>/reset-password/<token>`). */
  publicUrl: string;
}

export type PasswordResetLimits = Pick<RateLimitConfig, 'passwordResetsPerAccount' | 'passwordResetsPerAddress' | 'passwordResetWindowMs'>;

/** What the reset page shows before the person chooses a password. */
export interface PasswordResetPreview {
  email: string;
  expiresAt: string;
}

/** The one answer to a reset link that is not known: nothing tells a mistyped link from a guessed one. */
function invalidToken(): DomainError {
  return new DomainError('not_found', 'invalid_token', 'This password reset link is not valid');
}

function resetGone(): DomainError {
  return gone('reset_gone', 'This password reset link was used, replaced by a newer one, or has expired; ask for a new one');
}

/** Refuses a password outside 8–1024 characters, the rule of every way of setting one. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidInput('password', `needs ${MIN_PASSWORD_LENGTH} characters or more`);
  if (password.length > MAX_PASSWORD_LENGTH) throw invalidInput('password', `is limited to ${MAX_PASSWORD_LENGTH} characters`);
}

/**
 * Setting a forgotten password through a link sent to the account's email, and (for the
 * operator, through the CLI) setting one directly.
 *
 * Asking for a reset answers the same whether or not the email has an account: the answer
 * is decided from the shared counters alone (a per-email and a per-address budget), and
 * everything that depends on the account (finding it, making the reset, sending the email)
 * runs after the answer, off the request's path, so neither its content nor its timing
 * tells which emails exist. A reset's token carries 256 random bits and only its SHA-256
 * is stored; it works once, for an hour, and a newer reset of the account ends it. Without
 * a mailer nothing is made: the link is never handed to the caller or written anywhere.
 */
export class PasswordResetService {
  /** Resets being issued after their request was answered. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly sessions: SessionService,
    private readonly counter: RateCounter,
    private readonly limits: PasswordResetLimits,
    private readonly delivery: PasswordResetDelivery,
    private readonly now: () => number = Date.now,
    /** Hears of a reset that could not be issued (the database failing); never given the token. */
    private readonly reportFailure: (error: unknown) => void = warnOfFailure,
  ) {}

  /**
   * Counts the request against the email's and the address's budgets (429 past either, for
   * any email alike), then, in the background, makes a reset for an active account with
   * that email and mails its link. Resolves before any of that background work.
   */
  async request(email: string, client: ClientInfo): Promise<void> {
    const normalized = email.trim().toLowerCase();
    await this.refuseOverBudget(normalized, client.address);
    if (!this.delivery.mailer) return;
    const work = this.issue(normalized, client).catch((error: unknown) => this.reportFailure(error));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves once every reset asked for so far has been issued (or has failed); for shutdown and tests. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /** The account a live link resets: 404 `invalid_token` for an unknown link, 410 `reset_gone` for one that ended. */
  preview(token: string): Promise<PasswordResetPreview> {
    const tokenHash = hashOf(token);
    return this.store.read(async (repos) => {
      const { reset, user } = await this.usable(repos, tokenHash);
      return { email: user.email, expiresAt: new Date(reset.expires_at).toISOString() };
    });
  }

  /**
   * In one transaction: sets the password, marks the reset used, ends every session of the
   * person and any other live reset, and records `account.password_reset`. A refusal
   * (unknown link, ended link, an account no longer active) changes nothing.
   */
  async confirm(input: { token: string; password: string }): Promise<void> {
    checkNewPassword(input.password);
    const tokenHash = hashOf(input.token);
    // Checked before hashing the password, so a dead link costs no scrypt work.
    await this.store.read((repos) => this.usable(repos, tokenHash));
    const passwordHash = await hashPassword(input.password);
    await this.store.write(async (repos) => {
      const { reset } = await this.usable(repos, tokenHash, true);
      const at = new Date(this.now()).toISOString();
      if (!(await repos.passwordResets.markUsed(reset.id, at))) throw resetGone();
      await repos.users.update(reset.user_id, { password_hash: passwordHash, updated_at: at });
      await repos.passwordResets.endLive(reset.user_id, at);
      const sessionsEnded = await this.sessions.endOthers(repos, reset.user_id);
      await recordAudit(repos, {
        action: 'account.password_reset', target: { type: 'account', id: reset.user_id }, workspaceId: null, changes: { sessionsEnded },
      });
    });
  }

  /**
   * The operator sets an account's password (any status: an archived account still cannot
   * sign in), in one transaction with ending its sessions and live resets and recording
   * `account.password_set`. An unknown email is a 404 `account_not_found`.
   */
  async setPassword(email: string, password: string): Promise<{ email: string; status: UserRow['status']; sessionsEnded: number }> {
    checkNewPassword(password);
    const user = await this.store.read((repos) => repos.users.getByEmail(email.trim()));
    if (!user) throw new DomainError('not_found', 'account_not_found', `No account has the email ${email.trim()}`);
    const passwordHash = await hashPassword(password);
    return this.store.write(async (repos) => {
      const at = new Date(this.now()).toISOString();
      await repos.users.update(user.id, { password_hash: passwordHash, updated_at: at });
      const resetLinksEnded = await repos.passwordResets.endLive(user.id, at);
      const sessionsEnded = await this.sessions.endOthers(repos, user.id);
      await recordAudit(repos, {
        action: 'account.password_set', target: { type: 'account', id: user.id }, workspaceId: null, changes: { sessionsEnded, resetLinksEnded },
      });
      return { email: user.email, status: user.status, sessionsEnded };
    });
  }

  /** Waits for resets being issued, so the mailer and the database are not closed beneath them. */
  close(): Promise<void> {
    return this.settled();
  }

  /**
   * Makes the reset (ending the account's earlier ones) and records it, then mails the link.
   * A failed send is recorded as `account.password_reset_delivery_failed`.
   */
  private async issue(email: string, client: ClientInfo): Promise<void> {
    const mailer = this.delivery.mailer!;
    const user = await this.store.read((repos) => repos.users.getByEmail(email));
    if (!user || user.status !== 'active') return;
    const token = generateTokenSecret(PASSWORD_RESET_PREFIX);
    const now = this.now();
    const at = new Date(now).toISOString();
    const expiresAt = new Date(now + RESET_LIFETIME_MS).toISOString();
    await this.store.write(async (repos) => {
      await repos.passwordResets.purge(new Date(now - KEPT_AFTER_END_MS).toISOString());
      await repos.passwordResets.endLive(user.id, at);
      await repos.passwordResets.create({
        id: randomUUID(), token_hash: hashTokenSecret(token), user_id: user.id, created_at: at, expires_at: expiresAt,
      });
      await recordAudit(repos, {
        action: 'account.password_reset_requested', target: { type: 'account', id: user.id }, workspaceId: null,
        changes: { expiresAt, address: client.address, userAgent: client.userAgent },
      });
    });
    try {
      await mailer.sendPasswordReset({ to: user.email, resetUrl: `${this.delivery.publicUrl}/reset-password/${token}`, expiresAt });
    } catch (error) {
      await this.store.write((repos) => recordAudit(repos, {
        action: 'account.password_reset_delivery_failed', target: { type: 'account', id: user.id }, workspaceId: null,
        changes: { error: describeFailure(error, token) },
      }));
    }
  }

  /** The live reset `tokenHash` names and its active account; `lock` holds the reset's row until the transaction ends. */
  private async usable(repos: Repositories, tokenHash: string | null, lock = false): Promise<{ reset: PasswordResetRow; user: UserRow }> {
    const reset = tokenHash === null ? undefined : await repos.passwordResets.getByTokenHash(tokenHash, lock ? 'update' : undefined);
    if (!reset) throw invalidToken();
    if (reset.used_at !== null || new Date(reset.expires_at).getTime() <= this.now()) throw resetGone();
    const user = await repos.users.getById(reset.user_id);
    if (!user || user.status !== 'active') throw resetGone();
    return { reset, user };
  }

  private async refuseOverBudget(email: string, address: string | null): Promise<void> {
    const { passwordResetsPerAccount: perAccount, passwordResetsPerAddress: perAddress, passwordResetWindowMs: windowMs } = this.limits;
    const waits = await Promise.all([
      perAccount > 0 ? this.charge(`password-reset:account:${email}`, windowMs, perAccount) : 0,
      perAddress > 0 && address ? this.charge(`password-reset:address:${address}`, windowMs, perAddress) : 0,
    ]);
    const waitMs = Math.max(...waits);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new DomainError('rate_limited', 'rate_limited', `Too many password reset requests; retry in ${seconds} s`, undefined, {
        retryAfterSeconds: String(seconds),
      });
    }
  }

  /** Counts one request; milliseconds until the window ends when it is over `max`, else 0. A counter that fails refuses nothing. */
  private async charge(key: string, windowMs: number, max: number): Promise<number> {
    try {
      const count = await this.counter.hit(key, windowMs);
      return count.count > max ? count.resetInMs : 0;
    } catch {
      return 0;
    }
  }
}

/** The SHA-256 of a reset token, or null for a string that is not one (answered as unknown without a look). */
function hashOf(token: string): string | null {
  return token.startsWith(PASSWORD_RESET_PREFIX) ? hashTokenSecret(token) : null;
}

/** A mail server's refusal as recorded: shortened, with the token blotted out should the server echo it. */
function describeFailure(error: unknown, token: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(token).join('[token]') || 'sending failed').slice(0, MAX_ERROR_LENGTH);
}

function warnOfFailure(error: unknown): void {
  process.emitWarning(`A password reset could not be issued: ${error instanceof Error ? error.message : String(error)}`);
}
