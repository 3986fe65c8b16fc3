import { randomUUID } from 'node:crypto';
import type { Repositories } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import { type DomainError, invalidInput } from './errors.ts';
import { checkMembershipChange } from './membership-rules.ts';
import type { MembershipStatus, Role } from './roles.ts';

/** A workspace named by id, or else by exact name. */
export interface WorkspaceRef {
  id?: string;
  name?: string;
}

/** A custom group of the workspace, named by uuid, or else by exact name. */
export interface GroupRef {
  id?: string;
  name?: string;
}

/** The membership a user should have in one workspace. Absent fields keep their value. */
export interface MembershipAssignment {
  workspace: WorkspaceRef;
  role?: Role;
  status?: MembershipStatus;
  /** Replaces the user's custom groups in the workspace when given. */
  groups?: GroupRef[];
}

/** Group names that stand for roles; they cannot be assigned as custom groups. */
const ROLE_GROUP_NAMES = new Set(['admin', 'builder', 'end-user', 'all_users']);

/**
 * A fresh nonce for a membership's invite links (122 random bits). Drawn as a UUID: Node
 * serves those from a buffered pool, where random bytes cost a call into the CSPRNG each,
 * and every new membership needs one.
 */
export function newInviteNonce(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * The workspace `ref` names, by id or else by exact name; `field` is where the ref's id is
 * (`workspaces.0.id`). An unknown workspace is a 400 `workspace_not_found` naming what the
 * client gave (`workspaces.0.name` for a name), with the id and name given as its details.
 */
export async function resolveWorkspace(repos: Repositories, ref: WorkspaceRef, field: string): Promise<{ id: string; name: string }> {
  if (!ref.id && !ref.name) throw invalidInput(field, 'a workspace needs an id or a name');
  const workspace = ref.id ? await repos.workspaces.get(ref.id) : await repos.workspaces.getByName(ref.name!);
  if (!workspace) {
    const given = ref.id ? field : field.replace(/\.id$/, '.name');
    throw invalidInput(given, `workspace ${ref.id ?? ref.name} not found`, 'workspace_not_found', { id: ref.id, name: ref.name });
  }
  return workspace;
}

/** The ids of the custom groups `refs` names in the workspace; a role name or an unknown group is a 400. */
export async function resolveGroups(repos: Repositories, workspaceId: string, refs: GroupRef[], field: string): Promise<number[]> {
  for (const ref of refs) {
    if (!ref.id && !ref.name) throw invalidInput(field, 'a group needs an id or a name');
    if (!ref.id && ref.name && ROLE_GROUP_NAMES.has(ref.name)) {
      throw invalidInput(field, `${ref.name} is a role, not a custom group: set the role instead`, 'group_is_role');
    }
  }
  const found = await repos.accounts.findGroups(
    workspaceId,
    refs.flatMap((ref) => (ref.id ? [ref.id] : [])),
    refs.flatMap((ref) => (!ref.id && ref.name ? [ref.name] : [])),
  );
  return refs.map((ref) => {
    const group = found.find((candidate) => (ref.id ? candidate.uuid === ref.id : candidate.name === ref.name));
    if (!group) throw groupNotFound(field, ref);
    return group.id;
  });
}

function groupNotFound(field: string, ref: GroupRef): DomainError {
  return invalidInput(field, `group ${ref.id ?? ref.name} not found in the workspace`, 'group_not_found');
}

/**
 * Creates or changes the user's membership of one workspace as `assignment` says, with its
 * custom groups, under the membership rules. An archived account can hold no active
 * membership. Returns the workspace id.
 */
export async function applyAssignment(
  repos: Repositories,
  user: { id: string; status: string },
  assignment: MembershipAssignment,
  field: string,
  at: string,
): Promise<string> {
  const workspace = await resolveWorkspace(repos, assignment.workspace, `${field}.id`);
  const groupIds = assignment.groups ? await resolveGroups(repos, workspace.id, assignment.groups, `${field}.groups`) : null;
  const current = await repos.memberships.get(workspace.id, user.id, 'update');
  const role = assignment.role ?? current?.role ?? 'end-user';
  const status = assignment.status ?? current?.status ?? 'invited';
  if (status === 'active' && user.status === 'archived') {
    throw invalidInput(`${field}.status`, 'an archived user cannot have an active workspace membership', 'user_archived');
  }
  if (!current) {
    await repos.memberships.create({
      workspace_id: workspace.id, user_id: user.id, role, status, invite_nonce: newInviteNonce(), created_at: at, updated_at: at,
    });
  } else if (role !== current.role || status !== current.status) {
    await checkMembershipChange(repos, workspace.id, user.id, current, { role, status });
    const nonce = status !== 'active' && !current.invite_nonce ? newInviteNonce() : undefined;
    await repos.memberships.update(workspace.id, user.id, { role, status, invite_nonce: nonce, updated_at: at });
  }
  if (groupIds) await refuseGroupsAboveUse(repos, workspace.id, role, groupIds, `${field}.groups`);
  if (groupIds) await repos.accounts.setGroups(workspace.id, user.id, groupIds, at);
  return workspace.id;
}
