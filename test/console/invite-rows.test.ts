import { describe, expect, it } from 'vitest';
import { csvFields, parseInvitees } from '../../web/src/users/invite-rows.ts';

describe('invitees from a pasted list or a CSV file', () => {
  it('reads quoted CSV fields with commas and doubled quotes', () => {
    expect(csvFields('"Lovelace, Ada","say ""hi""",x')).toEqual(['Lovelace, Ada', 'say "hi"', 'x']);
  });

  it('takes a pasted list, one or several emails a line, with the chosen role', () => {
    expect(parseInvitees('ada@example.com\n\ngrace@example.com, linus@example.com', 'builder')).toEqual([
      { line: 1, email: 'ada@example.com', role: 'builder' },
      { line: 3, email: 'grace@example.com', role: 'builder' },
      { line: 3, email: 'linus@example.com', role: 'builder' },
    ]);
  });

  it('reads a CSV by its header, any column order, a missing role taking the chosen one', () => {
    const rows = parseInvitees('name,Role,Email\r\nAda,admin,ada@example.com\r\nGrace,,grace@example.com\r\n', 'end-user');
    expect(rows).toEqual([
      { line: 2, email: 'ada@example.com', role: 'admin' },
      { line: 3, email: 'grace@example.com', role: 'end-user' },
    ]);
  });

  it('marks a malformed email or an unknown role before anything is sent', () => {
    const rows = parseInvitees('email,role\nnot-an-email,builder\nada@example.com,owner', 'builder');
    expect(rows.map((row) => row.problem)).toEqual(['Not an email address', 'Unknown role "owner": admin, builder or end-user']);
  });
});
