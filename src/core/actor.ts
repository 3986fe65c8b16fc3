/**
 * Who is acting and where. Every service call takes one; the workspace is resolved and
 * checked by the dialect's authentication before the core sees it.
 */
export interface Actor {
  userId: string;
  email: string;
  /** The API token used, or null for local CLI work. */
  tokenId: string | null;
  workspaceId: string;
  /**
   * The workspace the token is bound to; null or absent for an instance-wide token and for
   * local CLI work. Instance-level operations (workspace settings) refuse a bound token.
   */
  boundWorkspaceId?: string | null;
}
