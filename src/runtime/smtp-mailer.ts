import nodemailer from 'nodemailer';
import type { InviteEmail, Mailer, PasswordResetEmail } from '../core/mailer.ts';
import { escapeHtml } from '../http/html.ts';

/** Seconds to wait for a mail server before counting the attempt as failed. */
const TIMEOUT_MS = 15_000;

/**
 * Invitation and password reset emails over SMTP with nodemailer. Messages go through a
 * small connection pool; a server that cannot be reached fails the one send (the invite, or
 * the audit log for a reset, records it) rather than hanging the work that triggered it.
 */
export function createSmtpMailer(smtp: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: smtp.url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(email: InviteEmail): Promise<void> {
      await transport.sendMail({ from: smtp.from, to: email.to, ...inviteMessage(email) });
    },
    async sendPasswordReset(email: PasswordResetEmail): Promise<void> {
      await transport.sendMail({ from: smtp.from, to: email.to, ...passwordResetMessage(email) });
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}

const ROLE_NAMES: Record<InviteEmail['role'], string> = { admin: 'an admin', builder: 'a builder', 'end-user': 'a user' };

/** Subject, plain text and HTML of an invitation; every value from the database is escaped in the HTML. */
export function inviteMessage(email: InviteEmail): { subject: string; text: string; html: string } {
  const inviter = email.invitedBy ? `${email.invitedBy} invited you` : 'You are invited';
  const expires = new Date(email.expiresAt).toUTCString();
  const what = `to join ${email.workspaceName} as ${ROLE_NAMES[email.role]}`;
  const text = [
    `${inviter} ${what}.`,
    '',
    'Open this link to choose your password and accept:',
    email.acceptUrl,
    '',
    `The link works once and expires ${expires}.`,
    'If you did not expect this invitation, ignore this email.',
  ].join('\n');
  const html = [
    '<!doctype html><html><body>',
    `<p>${escapeHtml(`${inviter} ${what}.`)}</p>`,
    `<p><a href="${escapeHtml(email.acceptUrl)}">Accept the invitation</a></p>`,
    `<p>The link works once and expires ${escapeHtml(expires)}. If you did not expect this invitation, ignore this email.</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `You are invited to ${email.workspaceName}`.replace(/\s+/g, ' '), text, html };
}

/** Subject, plain text and HTML of a password reset email. */
export function passwordResetMessage(email: PasswordResetEmail): { subject: string; text: string; html: string } {
  const expires = new Date(email.expiresAt).toUTCString();
  const text = [
    'Someone asked to reset the password of your Toolplane account.',
    '',
    'Open this link to choose a new password:',
    email.resetUrl,
    '',
    `The link works once and expires ${expires}. Setting a new password signs you out everywhere.`,
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  const html = [
    '<!doctype html><html><body>',
    '<p>Someone asked to reset the password of your Toolplane account.</p>',
    `<p><a href="${escapeHtml(email.resetUrl)}">Choose a new password</a></p>`,
    `<p>The link works once and expires ${escapeHtml(expires)}. Setting a new password signs you out everywhere.</p>`,
    '<p>If you did not ask for this, ignore this email: your password stays as it is.</p>',
    '</body></html>',
  ].join('\n');
  return { subject: 'Reset your Toolplane password', text, html };
}
