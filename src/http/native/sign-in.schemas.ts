import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

const Role = Type.Enum(['admin', 'builder', 'end-user'], { description: 'The role in the workspace.' });

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320, description: 'The account\'s email address, in any case.' }),
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'The account\'s password.' }),
    totpCode: Type.Optional(Type.String({
      minLength: 1, maxLength: 16, description: 'With two-factor on: the 6-digit code the authenticator app shows now. Each code works once.',
    })),
    recoveryCode: Type.Optional(Type.String({
      minLength: 1, maxLength: 32, description: 'With two-factor on, in place of `totpCode`: one of the account\'s recovery codes, which then stops working.',
    })),
  },
  { description: 'Signing in with a password, and a second factor when the account has two-factor on.' },
);

export const Session = Type.Object(
  {
    id: Uuid('The session\'s identifier.'),
    method: Type.String({ description: 'How the person signed in: `password` or `sso`.' }),
    address: Type.Union([Type.String(), Type.Null()], { description: 'The client address that signed in.' }),
    userAgent: Type.Union([Type.String(), Type.Null()], { description: 'The browser or client that signed in.' }),
    createdAt: Timestamp('When the person signed in.'),
    lastSeenAt: Timestamp('When the session was last used (to the minute).'),
    expiresAt: Timestamp('When the session ends at the latest, used or not.'),
    current: Type.Boolean({ description: 'Whether this is the session making the request.' }),
  },
  { description: 'A signed-in session. Its secret lives only in the browser\'s cookie.' },
);

export const SessionList = Type.Object({ data: Type.Array(Session) }, { description: 'The person\'s live sessions, newest first.' });

export const SessionIdParams = Type.Object({ sessionId: Uuid('The session\'s identifier.') });

export const Me = Type.Object(
  {
    id: Uuid('The account\'s identifier.'),
    email: Type.String({ description: 'The account\'s email address.' }),
    firstName: Type.String({ description: 'The account\'s first name.' }),
    lastName: Type.String({ description: 'The account\'s last name.' }),
    defaultWorkspaceId: Type.Union([Uuid('The workspace a session acts in without X-Workspace-Id.'), Type.Null()], {
      description: 'The workspace a session acts in without X-Workspace-Id; null means the default workspace.',
    }),
    instanceAdmin: Type.Boolean({ description: 'An active admin of the default workspace, who acts instance-wide.' }),
    twoFactorEnabled: Type.Boolean({ description: 'Whether signing in asks for a second factor.' }),
    workspaces: Type.Array(Type.Object({
      id: Uuid('The workspace\'s identifier.'),
      name: Type.String({ description: 'The workspace\'s name.' }),
      role: Role,
      status: Type.Enum(['active', 'invited', 'archived'], { description: 'The membership\'s status; only `active` may act.' }),
    }), { description: 'The active workspaces the person belongs to.' }),
  },
  { description: 'The signed-in person.' },
);

export const SignedIn = Type.Object(
  { me: Me, session: Session },
  { description: 'The person signed in, and their new session; the secret is set as the `tp_session` cookie.' },
);

export const ProfileUpdateBody = Type.Object(
  {
    firstName: Type.Optional(Type.String({ maxLength: 255, description: 'The first name.' })),
    lastName: Type.Optional(Type.String({ maxLength: 255, description: 'The last name.' })),
  },
  { description: 'Names to change on one\'s own account.' },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'The current password; required when the account has one.' })),
    newPassword: Type.String({ minLength: 8, maxLength: 1024, description: 'The new password, 8 characters or more.' }),
  },
  { description: 'Changing one\'s own password.' },
);
