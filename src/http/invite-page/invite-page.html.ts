import type { AcceptedInvite, InvitePreview } from '../../core/invite-acceptance.service.ts';
import { escapeHtml, htmlPage as layout } from '../html.ts';

const ROLE_NAMES: Record<InvitePreview['role'], string> = { admin: 'an admin', builder: 'a builder', 'end-user': 'a user' };

/** Values the form shows again after a refused submission; the password is never echoed. */
export interface FormValues {
  firstName?: string;
  lastName?: string;
}

/**
 * The accept form. It has no `action`: it posts back to the page's own address, so the
 * token is not repeated in the markup.
 */
export function formPage(preview: InvitePreview, values: FormValues = {}, error?: string): string {
  const title = `Join ${preview.workspaceName}`;
  return layout(title, `<h1>${escapeHtml(title)}</h1>
<p>You are invited to join <strong>${escapeHtml(preview.workspaceName)}</strong> as ${ROLE_NAMES[preview.role]}, with the email
<strong>${escapeHtml(preview.email)}</strong>. ${preview.choosesPassword
    ? 'Choose your name and a password to accept.'
    : 'You already have an account with this email: it keeps its password. Choose the name this workspace shows to accept.'}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
<label>First name <input name="firstName" autocomplete="given-name" required maxlength="255" value="${escapeHtml(values.firstName ?? '')}"></label>
<label>Last name <input name="lastName" autocomplete="family-name" maxlength="255" value="${escapeHtml(values.lastName ?? '')}"></label>
${preview.choosesPassword
    ? '<label>Password (8 characters or more) <input name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="1024"></label>'
    : ''}
<button type="submit">Accept invitation</button>
</form>
<p><small>This link works once${preview.expiresAt ? ` and expires ${escapeHtml(new Date(preview.expiresAt).toUTCString())}` : ''}.</small></p>`);
}

export function acceptedPage(accepted: AcceptedInvite): string {
  return layout('Invitation accepted', `<h1>Welcome to ${escapeHtml(accepted.workspaceName)}</h1>
<p>Your account <strong>${escapeHtml(accepted.email)}</strong> is now ${ROLE_NAMES[accepted.role]} of ${escapeHtml(accepted.workspaceName)}.
</p>
<p><a href="/">Sign in to the console</a>.</p>`);
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>
<p class="error">${escapeHtml(message)}</p>`);
}
