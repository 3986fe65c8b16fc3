import type { Actor } from '../core/actor.ts';
import { conflict } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import type { Store } from '../db/store.ts';
import type { Change, FieldChange, ObjectKind, Plan } from './plan.ts';
import { applyApps, deleteApps } from './apps.ts';
import { folderKey } from './desired.ts';
import { type RecordedInvite, applyInvites } from './invites.ts';
import { grantPermissions, revokePermissions } from './permissions.ts';
import { applySso } from './sso.ts';
import { applyResources } from './resources.ts';
import { applyResourceConfigurations } from './resource-configurations.ts';
import { type InstanceState, readState } from './state.ts';

/** The lock every apply holds, so two applies run one after the other. */
const APPLY_LOCK = 'config-code.apply';

/** Who the changes are made as in a workspace (for the CLI: local work, which may do anything). */
export type ActorFor = (workspaceId: string) => Actor;

/**
 * Makes the plan's changes through the core services, inside one transaction: every
 * service's own rules hold (the last active admin, end users and edit grants, empty folders
 * only), each change records its usual audit event, and when any change is refused the
 * whole apply rolls back and nothing is changed.
 *
 * `expected` is the fingerprint of the state the plan was shown against. It is checked
 * inside the transaction, after taking the apply lock: when the state has moved since,
 * nothing is applied (409 `config_state_changed`) and the plan should be made again.
 */
export async function applyPlan(store: Store, services: Services, plan: Plan, actorFor: ActorFor, makeCurrentPlan: (state: InstanceState) => Plan): Promise<RecordedInvite[]> {
  return store.transaction(async (repos) => {
    await repos.locks.exclusive(APPLY_LOCK);
    const state = await readState(repos, plan.workspaces);
    const current = makeCurrentPlan(state);
    if (current.stateFingerprint !== plan.stateFingerprint || current.changesDigest !== plan.changesDigest) {
      throw conflict('config_state_changed', 'The instance changed since the plan was made; make the plan again and review it');
    }
    // The plan made now, equal to the one shown, carries the secret values a saved plan leaves out.
    const invites: RecordedInvite[] = [];
    for (const name of plan.workspaces) {
      const changes = current.changes.filter((change) => change.workspace === name);
      if (changes.length > 0) invites.push(...await applyWorkspace(services, state, name, changes, actorFor));
    }
    return invites;
  });
}

/**
 * The services' order: what a change refers to exists before it, and rules see the final roles
 * before anyone is removed. Answers the invites recorded, which the caller delivers once committed.
 */
async function applyWorkspace(services: Services, state: InstanceState, name: string, changes: Change[], actorFor: ActorFor): Promise<RecordedInvite[]> {
  const current = state.workspaces.get(name)!;
  const of = (object: ObjectKind, kind?: Change['kind']) => changes.filter((change) => change.object === object && (!kind || change.kind === kind));
  const value = (change: Change, field: string) => change.fields.find((item) => item.field === field)?.to;

  let workspaceId = current.id;
  const workspaceChange = of('workspace')[0];
  if (workspaceChange?.kind === 'create') {
    workspaceId = await services.workspaces.create(name, { domains: value(workspaceChange, 'emailDomains') as string[] | undefined });
  }
  const actor = actorFor(workspaceId!);
  const archive = workspaceChange !== undefined && value(workspaceChange, 'status') === 'archived';
  if (workspaceChange) {
    const settings = Object.fromEntries(workspaceChange.fields
      .filter((item) => (item.field !== 'emailDomains' || workspaceChange.kind === 'update') && !(item.field === 'status' && archive))
      .map((item) => [item.field === 'emailDomains' ? 'domains' : item.field, item.to]));
    if (Object.keys(settings).length > 0) await services.workspaces.updateSettings(actor, workspaceId!, settings);
  }

  // Environments: a created workspace's starting ones are read back by name.
  const environmentIds = new Map((await services.environments.list(actor)).map((environment) => [environment.name, environment.id]));
  for (const change of of('environment', 'create')) {
    await services.environments.create(actor, {
      name: change.key, description: value(change, 'description') as string | undefined,
      color: value(change, 'color') as string | null | undefined, isDefault: value(change, 'default') === true,
    });
  }
  for (const change of of('environment', 'update')) {
    await services.environments.update(actor, environmentIds.get(change.key)!, {
      description: value(change, 'description') as string | undefined,
      color: value(change, 'color') as string | null | undefined,
      isDefault: value(change, 'default') === true ? true : undefined,
    });
  }
  for (const change of of('environment', 'delete')) await services.environments.delete(actor, environmentIds.get(change.key)!);

  for (const change of of('userAttribute', 'create')) {
    await services.userAttributes.create(actor, {
      name: change.key, dataType: value(change, 'type') as 'string', label: value(change, 'label') as string | undefined,
      defaultValue: value(change, 'default'),
    });
  }
  for (const change of of('userAttribute', 'update')) {
    await services.userAttributes.update(actor, current.userAttributes.get(change.key)!.id, {
      label: value(change, 'label') as string | undefined, defaultValue: value(change, 'default'),
    });
  }
  for (const change of of('userAttribute', 'delete')) {
    await services.userAttributes.delete(actor, current.userAttributes.get(change.key)!.id, { clearValues: true });
  }

  const groupIds = new Map(current.groups);
  const groupCreates = of('group', 'create');
  const createdGroups = await services.groups.createMany(actor, groupCreates.map((change) => change.key));
  for (const [index, change] of groupCreates.entries()) groupIds.set(change.key, createdGroups[index]!);

  const userIds = new Map([...current.members.values()].map((member) => [member.email.toLowerCase(), member.id]));
  const creates = of('member', 'create');
  const created = await services.users.createMany(actor, creates.map((change) => ({
    email: change.key, role: value(change, 'role') as 'end-user', firstName: value(change, 'firstName') as string | undefined,
    lastName: value(change, 'lastName') as string | undefined, attributes: value(change, 'attributes') as Record<string, unknown> | undefined,
  })));
  for (const [index, change] of creates.entries()) {
    userIds.set(change.key.toLowerCase(), created[index]!);
    if (value(change, 'status') === 'archived') await services.users.update(actor, created[index]!, { disabled: true });
  }
  for (const change of of('member', 'update')) {
    const member = current.members.get(change.key.toLowerCase())!;
    await services.users.update(actor, member.id, memberUpdate(change.fields, member.attributes));
  }

  const idOf = (email: string) => userIds.get(email.toLowerCase())!;
  await services.groups.changeMembersMany(actor, of('group').flatMap((change) => {
    const members = change.fields.find((item) => item.field === 'members');
    if (!members || change.kind === 'delete') return [];
    return [{ groupId: groupIds.get(change.key)!, add: (members.added ?? []).map(idOf), remove: (members.removed ?? []).map(idOf) }];
  }));
  const invites = await applyInvites(services, actor, current, of('invite'), groupIds);
  await applySso(services, actor, current, of('sso')[0]);
  await revokePermissions(services, actor, current, of('permission', 'delete'));
  for (const change of of('member', 'delete')) await services.users.delete(actor, userIds.get(change.key.toLowerCase())!);
  for (const change of of('group', 'delete')) await services.groups.delete(actor, groupIds.get(change.key)!);
  for (const change of of('resource', 'delete')) await services.resources.delete(actor, current.resources.get(change.key)!.id);

  await deleteApps(services, actor, current, of('app', 'delete'));

  const folderIds = new Map([...current.folders].map(([key, folder]) => [key, folder.id]));
  for (const change of of('folder', 'delete')) await services.folders.delete(actor, folderIds.get(folderKey(change.folder!))!);
  for (const change of of('folder', 'create')) {
    const { type, path } = change.folder!;
    const parent = path.length > 1 ? folderIds.get(folderKey({ type, path: path.slice(0, -1) }))! : null;
    const folder = await services.folders.create(actor, { name: path.at(-1)!, folderType: type, parentFolderId: parent });
    folderIds.set(folderKey(change.folder!), folder.id);
  }

  const appIds = await applyApps(services, actor, current, changes.filter((change) => change.object === 'app' && change.kind !== 'delete'), folderIds);
  const resourceIds = await applyResources(services, actor, current, changes.filter((change) => change.object === 'resource' && change.kind !== 'delete'), folderIds);
  await applyResourceConfigurations(services, actor, current, of('resourceConfiguration'), resourceIds);
  await grantPermissions(services, actor, current, changes.filter((change) => change.object === 'permission' && change.kind !== 'delete'), {
    groupIds, userIds, folderIds, resourceIds, appIds,
  });

  // Archived last, so nothing above is made in an archived workspace.
  if (archive) await services.workspaces.updateSettings(actor, workspaceId!, { status: 'archived' });
  return invites;
}

/** A member's fields as `UserService.update` takes them; attribute values the file leaves out are removed. */
function memberUpdate(fields: FieldChange[], before: Record<string, unknown>) {
  const to = (field: string) => fields.find((item) => item.field === field)?.to;
  const role = to('role') as string | undefined;
  const status = to('status') as string | undefined;
  const attributes = to('attributes') as Record<string, unknown> | undefined;
  return {
    firstName: to('firstName') as string | undefined,
    lastName: to('lastName') as string | undefined,
    roleFlags: role === undefined ? undefined : { admin: role === 'admin', endUser: role === 'end-user' },
    disabled: status === undefined ? undefined : status === 'archived',
    attributes: attributes === undefined ? undefined : {
      ...Object.fromEntries(Object.keys(before).filter((name) => !(name in attributes)).map((name) => [name, null])),
      ...attributes,
    },
  };
}
