import { randomUUID, timingSafeEqual } from 'node:crypto';
import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { ResourceRow } from '../db/schema.ts';
import type { RowLock } from '../db/executor.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { conflict, notFound } from './errors.ts';
import { requireFolder } from './folder.service.ts';
import { displayNameOf } from './resource-types.ts';
import type { SecretBox } from './secrets.ts';
import { writeUnique } from './unique.ts';
import { grantCreatorOwnership } from './creator-grants.ts';

export type ResourceOptions = Record<string, unknown>;
type SealedSecrets = Record<string, string>;

/** A resource as clients see it: secret values never appear, only which secrets are set. */
export interface Resource {
  id: string;
  name: string;
  type: string;
  displayName: string;
  folderId: string | null;
  options: ResourceOptions;
  secretNames: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ResourceCreateInput {
  name: string;
  type: string;
  displayName?: string;
  folderId?: string | null;
  options?: ResourceOptions;
  secrets?: Record<string, string>;
}

export interface ResourceUpdateInput {
  name?: string;
  displayName?: string;
  folderId?: string | null;
  /** Replaces the options object when given. */
  options?: ResourceOptions;
  /** Sets each named secret; a null value removes that secret. Secrets not named are kept. */
  secrets?: Record<string, string | null>;
}

export class ResourceService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  list(actor: Actor): Promise<Resource[]> {
    return this.store.read(async (repos) => (await repos.resources.list(actor.workspaceId)).map(toResource));
  }

  get(actor: Actor, resourceId: string): Promise<Resource> {
    return this.store.read(async (repos) => toResource(await loadResource(repos, actor.workspaceId, resourceId)));
  }

  /** Names are unique within a workspace (409 `resource_name_taken`); secrets are sealed before storage. */
  create(actor: Actor, input: ResourceCreateInput): Promise<Resource> {
    return this.withNameCheck(input.name, async (repos) => {
      if (input.folderId) await requireFolder(repos, actor.workspaceId, input.folderId, 'resource', 'folderId');
      const id = randomUUID();
      const at = new Date().toISOString();
      await repos.resources.create({
        id, workspace_id: actor.workspaceId, name: input.name, type: input.type,
        display_name: input.displayName ?? displayNameOf(input.type), folder_id: input.folderId ?? null,
        options: toJson(input.options ?? {}), secrets: toJson(this.seal(id, {}, input.secrets ?? {})),
        created_at: at, updated_at: at,
      });
      await grantCreatorOwnership(repos, actor, { type: 'resource', id }, at);
      const resource = toResource(await loadResource(repos, actor.workspaceId, id));
      await recordAudit(repos, {
        action: 'resource.created', target: { type: 'resource', id }, workspaceId: actor.workspaceId,
        changes: {
          name: resource.name, type: resource.type, displayName: resource.displayName, folderId: resource.folderId,
          options: resource.options, secretNames: resource.secretNames,
        },
      });
      return resource;
    });
  }

  /**
   * Changes only the fields given. The audit event names the fields whose value changed and
   * the secrets set (`secretNames`) or removed (`removedSecretNames`), never their values; a
   * secret given is counted as set even when its value is the same. No change, no event.
   */
  update(actor: Actor, resourceId: string, input: ResourceUpdateInput): Promise<Resource> {
    return this.withNameCheck(input.name ?? '', async (repos) => {
      const row = await loadResource(repos, actor.workspaceId, resourceId);
      const before = toResource(row);
      if (input.folderId) await requireFolder(repos, actor.workspaceId, input.folderId, 'resource', 'folderId');
      await repos.resources.update(resourceId, {
        name: input.name,
        display_name: input.displayName,
        folder_id: input.folderId,
        options: input.options === undefined ? undefined : toJson(input.options),
        secrets: input.secrets === undefined
          ? undefined
          : toJson(this.seal(resourceId, fromJson<SealedSecrets>(row.secrets), input.secrets)),
        updated_at: new Date().toISOString(),
      });
      const changes = changedFields(before, {
        name: input.name, displayName: input.displayName, folderId: input.folderId, options: input.options,
      });
      const secrets = Object.entries(input.secrets ?? {});
      const set = secrets.filter(([, value]) => value !== null).map(([name]) => name).sort();
      const removed = secrets.filter(([name, value]) => value === null && before.secretNames.includes(name)).map(([name]) => name).sort();
      if (set.length > 0) changes.secretNames = set;
      if (removed.length > 0) changes.removedSecretNames = removed;
      if (!isEmpty(changes)) {
        await recordAudit(repos, { action: 'resource.updated', target: { type: 'resource', id: resourceId }, workspaceId: actor.workspaceId, changes });
      }
      return toResource(await loadResource(repos, actor.workspaceId, resourceId));
    });
  }

  /**
   * A resource that apps still use cannot be deleted (409 `resource_in_use`, naming the apps).
   * The row is locked first, so an app taking it up concurrently is either seen here or
   * finds the resource gone.
   */
  delete(actor: Actor, resourceId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await loadResource(repos, actor.workspaceId, resourceId, 'update');
      const apps = await repos.resources.appsUsing(resourceId);
      if (apps.length > 0) throw conflict('resource_in_use', `Resource ${resourceId} is used by apps: ${apps.join(', ')}`);
      await repos.resources.delete(resourceId);
      await recordAudit(repos, { action: 'resource.deleted', target: { type: 'resource', id: resourceId }, workspaceId: actor.workspaceId });
    });
  }

  /** The clear values of a resource's secrets, for code that connects to the data source. */
  revealSecrets(actor: Actor, resourceId: string): Promise<Record<string, string>> {
    return this.store.read(async (repos) => {
      const sealed = fromJson<SealedSecrets>((await loadResource(repos, actor.workspaceId, resourceId)).secrets);
      return Object.fromEntries(
        Object.entries(sealed).map(([name, envelope]) => [name, this.box.open(envelope, secretContext(resourceId, name))]),
      );
    });
  }

  /**
   * Which of the clear `values` differ from the resource's `sealed` secrets (absent there
   * included), compared in constant time; nothing is read, so a plan can ask without a write.
   */
  differingSecrets(resourceId: string, sealed: Record<string, string>, values: Record<string, string>): string[] {
    return differingSealed(this.box, sealed, values, (name) => secretContext(resourceId, name));
  }

  private seal(resourceId: string, current: SealedSecrets, changes: Record<string, string | null>): SealedSecrets {
    const next = { ...current };
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete next[name];
      else next[name] = this.box.seal(value, secretContext(resourceId, name));
    }
    return next;
  }

  private withNameCheck<T>(name: string, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return writeUnique(this.store, work, () => conflict('resource_name_taken', `A resource named "${name}" already exists`, 'name'));
  }
}

/** Which of the clear `values` differ from the `sealed` envelopes (absent ones included), compared in constant time. */
export function differingSealed(
  box: SecretBox, sealed: Record<string, string>, values: Record<string, string>, contextOf: (name: string) => string,
): string[] {
  return Object.entries(values).filter(([name, value]) => {
    const envelope = Object.hasOwn(sealed, name) ? sealed[name] : undefined;
    if (envelope === undefined) return true;
    const held = Buffer.from(box.open(envelope, contextOf(name)));
    const given = Buffer.from(value);
    return held.length !== given.length || !timingSafeEqual(held, given);
  }).map(([name]) => name);
}

/** Binds a sealed value to its resource and name, so it cannot be moved to another. */
export function secretContext(resourceId: string, name: string): string {
  return `resource:${resourceId}:secret:${name}`;
}

export async function loadResource(repos: Repositories, workspaceId: string, resourceId: string, lock?: RowLock): Promise<ResourceRow> {
  const row = await repos.resources.get(workspaceId, resourceId, lock);
  if (!row) throw notFound('resource', resourceId);
  return row;
}

function toResource(row: ResourceRow): Resource {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    displayName: row.display_name,
    folderId: row.folder_id,
    options: fromJson<ResourceOptions>(row.options),
    secretNames: Object.keys(fromJson<SealedSecrets>(row.secrets)).sort(),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
