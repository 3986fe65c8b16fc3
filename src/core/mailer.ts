import type { Role } from './roles.ts';

/** What an invitation email says; the transport decides how it looks. */
export interface InviteEmail {
  to: string;
  workspaceName: string;
  role: Role;
  /** `<PUBLIC_URL>/invite/<token>`: carries the one-time token, so it goes to the invitee only. */
  acceptUrl: string;
  expiresAt: string;
  /** Email of the person who invited, when known. */
  invitedBy: string | null;
}

/**
 * Delivers invitation emails. `send` resolves once the message is handed to the mail
 * server and rejects with a readable error otherwise; it never retries on its own (the
 * invite records the failure and `resend` retries). Without a mailer (no SMTP configured)
 * invites are still created and their link is returned to the caller instead.
 */
export interface InviteMailer {
  send(email: InviteEmail): Promise<void>;
  /** Releases connections; called once when the process stops. */
  close(): Promise<void>;
}

/** What a password reset email says. */
export interface PasswordResetEmail {
  to: string;
  /** `<PUBLIC_URL>/reset-password/<token>`: whoever holds it can set the account's password, so it goes to the account's email only. */
  resetUrl: string;
  expiresAt: string;
}

/** Delivers password reset emails, on the terms of `InviteMailer.send`. */
export interface PasswordResetMailer {
  sendPasswordReset(email: PasswordResetEmail): Promise<void>;
}

/** A process's one mail transport, for every kind of email it sends. */
export type Mailer = InviteMailer & PasswordResetMailer;
