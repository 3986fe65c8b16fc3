import type { Repositories } from '../db/store.ts';
import type { ObjectType } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';

/**
 * Gives a person whose writes reach only what they are granted (a builder's session) `own`
 * on the object they have just created, inside the creating transaction: who makes an app,
 * resource, folder or workflow may go on changing it. Anyone else (admins, tokens, the CLI)
 * reaches everything already, and is granted nothing.
 */
export async function grantCreatorOwnership(repos: Repositories, actor: Actor, object: { type: ObjectType; id: string }, at: string): Promise<void> {
  if (actor.objectWrites !== 'granted') return;
  const row = await repos.permissions.upsert({
    workspace_id: actor.workspaceId, subject_type: 'user', subject_id: actor.userId,
    object_type: object.type, object_id: object.id, access_level: 'own', created_at: at, updated_at: at,
  });
  await recordAudit(repos, {
    action: 'permission.granted', target: { type: 'permission', id: row.id }, workspaceId: actor.workspaceId,
    changes: { subject: { type: 'user', id: actor.userId }, object, accessLevel: 'own', reason: 'created' },
  });
}
