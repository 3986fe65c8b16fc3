import type { PasswordResetPreview } from '../../core/password-reset.service.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../core/password-reset.service.ts';
import { escapeHtml, htmlPage } from '../html.ts';

/**
 * The form choosing a new password. It has no `action`: it posts back to the page's own
 * address, so the token is not repeated in the markup. Passwords are never echoed.
 */
export function resetFormPage(preview: PasswordResetPreview, error?: string): string {
  const field = (label: string, name: string) => `<label>${label} <input name="${name}" type="password" autocomplete="new-password" required `
    + `minlength="${MIN_PASSWORD_LENGTH}" maxlength="${MAX_PASSWORD_LENGTH}"></label>`;
  return htmlPage('Choose a new password', `<h1>Choose a new password</h1>
<p>For the account <strong>${escapeHtml(preview.email)}</strong>. Setting it signs this account out everywhere.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
${field(`New password (${MIN_PASSWORD_LENGTH} characters or more)`, 'password')}
${field('New password again', 'passwordAgain')}
<button type="submit">Set password</button>
</form>
<p><small>This link works once and expires ${escapeHtml(new Date(preview.expiresAt).toUTCString())}.</small></p>`);
}

export function resetDonePage(): string {
  return htmlPage('Password changed', `<h1>Password changed</h1>
<p>Your new password is set, and every session of your account has ended. <a href="/">Sign in again</a> with the new password.</p>`);
}

export function resetErrorPage(title: string, message: string): string {
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1>
<p class="error">${escapeHtml(message)}</p>`);
}
