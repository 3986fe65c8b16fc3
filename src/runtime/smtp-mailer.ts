import nodemailer from 'nodemailer';
import type { InviteEmail, InviteMailer } from '../core/mailer.ts';
import { escapeHtml } from '../http/html.ts';

/** Seconds to wait for a mail server before counting the attempt as failed. */
const TIMEOUT_MS = 15_000;

/**
 * Invitation emails over SMTP with nodemailer. Messages go through a small connection pool;
 * a server that cannot be reached fails the one send (the invite records it) rather than
 * hanging the request that triggered it.
 */
export function createSmtpMailer(smtp: { url: string; from: string }): InviteMailer {
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
