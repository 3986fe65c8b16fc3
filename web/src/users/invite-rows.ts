import type { Role } from '../api/role.ts';

/** One invitee read from a pasted list or a CSV file, with its line for the per-row results. */
export interface InviteRow {
  line: number;
  email: string;
  role: Role;
  /** Why the row cannot be sent, found before sending. */
  problem?: string;
}

const ROLES: Record<string, Role> = { admin: 'admin', builder: 'builder', 'end-user': 'end-user', enduser: 'end-user', 'end user': 'end-user' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The fields of one CSV line (RFC 4180: commas or semicolons, fields in double quotes with "" for a quote). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < line.length; at += 1) {
    const char = line[at]!;
    if (quoted) {
      if (char === '"' && line[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === ';' || char === '\t') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

/**
 * Invitees from a pasted list (one email a line, or separated by commas) or a CSV file whose
 * header names an `email` column and optionally a `role` one. A row without a role takes
 * `defaultRole`; a row with a malformed email or an unknown role carries its problem.
 */
export function parseInvitees(text: string, defaultRole: Role): InviteRow[] {
  const lines = text.split(/\r?\n/).map((line, index) => ({ line: index + 1, fields: csvFields(line) })).filter(({ fields }) => fields.some(Boolean));
  const header = lines[0]?.fields.map((field) => field.toLowerCase());
  if (header?.includes('email')) {
    const emailAt = header.indexOf('email');
    const roleAt = header.indexOf('role');
    return lines.slice(1).map(({ line, fields }) => toRow(line, fields[emailAt] ?? '', roleAt >= 0 ? fields[roleAt] : undefined, defaultRole));
  }
  return lines.flatMap(({ line, fields }) => fields.filter(Boolean).map((email) => toRow(line, email, undefined, defaultRole)));
}

function toRow(line: number, email: string, roleText: string | undefined, defaultRole: Role): InviteRow {
  const role = roleText ? ROLES[roleText.toLowerCase()] : defaultRole;
  if (!EMAIL.test(email)) return { line, email, role: role ?? defaultRole, problem: 'Not an email address' };
  if (!role) return { line, email, role: defaultRole, problem: `Unknown role "${roleText}": admin, builder or end-user` };
  return { line, email, role };
}
