/**
 * Who is acting and where. Every service call takes one; the workspace is resolved and
 * checked by the dialect's authentication before the core sees it.
 */
export interface Actor {
  userId: string;
  email: string;
  /** The API token used, or null for a session and for local CLI work. */
  tokenId: string | null;
  /** The signed-in person's session used, when the request came with its cookie. */
  sessionId?: string | null;
  /**
   * What the actor may do, as token scopes: the token's own, or for a session those of the
   * person's role in the workspace (session-grants.ts). Absent for local CLI work.
   */
  scopes?: readonly string[];
  /**
   * Which apps, resources, folders and workflows the actor's write scopes reach: `granted`,
   * only those the person's effective access allows (a builder's session; see
   * PermissionService.requireAccess); `any` or absent, all of them (tokens, admins, CLI).
   */
  objectWrites?: ObjectWrites;
  workspaceId: string;
  /**
   * The workspace the token is bound to; null or absent for an instance-wide token and for
   * local CLI work. Instance-level operations (workspace settings) refuse a bound token.
   */
  boundWorkspaceId?: string | null;
}

/** Whether the actor is local CLI work on the server, which may do and grant anything. */
export function isLocalWork(actor: Actor): boolean {
  return actor.tokenId === null && !actor.sessionId;
}

/** Whether write scopes reach every app, resource, folder and workflow, or only those granted. */
export type ObjectWrites = 'any' | 'granted';
