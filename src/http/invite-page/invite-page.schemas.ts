import { Type } from 'typebox';

export const TokenParams = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, description: 'The token of the invitation link (`tpi_…`, or a ToolJet `tpm_…`).' }),
});

/** The accept form's fields. The page reads them itself, so this schema documents them and validates nothing. */
export const InviteForm = Type.Object(
  {
    firstName: Type.String({ maxLength: 255, description: 'The invitee\'s first name; required.' }),
    lastName: Type.Optional(Type.String({ maxLength: 255, description: 'The invitee\'s last name (may be empty).' })),
    password: Type.Optional(Type.String({
      minLength: 8,
      maxLength: 1024,
      description: 'The password for a new account, 8 characters or more; the form asks for it when accepting sets up the account.',
    })),
  },
  { description: 'The accept form, as a browser submits it.' },
);

const Html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

/** The page lives at the server root, outside the `/api/v1` server the rest of the document is relative to. */
const servers = [{ url: '/', description: 'The server root.' }];

const common = {
  tags: ['Invites'],
  servers,
  // Public: the token in the path is the credential.
  security: [],
  params: TokenParams,
};

const errorPages = {
  404: Html('The link is not valid (`invalid_token`).'),
  410: Html('The invite was already used, revoked or has expired (`invite_gone`).'),
  429: Html('Too many attempts from this address (`rate_limited`), with `Retry-After`.'),
};

export const InvitePageGetSchema = {
  ...common,
  operationId: 'getInvitePage', summary: 'Invite Page',
  description: 'The accept page of an invitation link, for people with a browser: an HTML form naming the workspace, the role and the email.',
  response: { 200: Html('The accept form.'), 400: Html('The token is malformed.'), ...errorPages },
};

export const InvitePagePostSchema = {
  ...common,
  operationId: 'acceptInvitePage', summary: 'Accept Invite (Page)',
  description: 'Accepts the invite from the page\'s form (`application/x-www-form-urlencoded`), exactly as `POST /invites/accept` does, '
    + 'and answers with a short HTML result page. Limited to 10 attempts a minute per client address, counted with the API\'s.',
  response: { 200: Html('The invite is accepted.'), 400: Html('The form again, saying what to correct.'), 409: Html('Already a member (`already_member`).'), ...errorPages },
};
