import { randomUUID } from 'node:crypto';
import { fromJson, toIso } from '../db/rows.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { DomainError, notFound } from './errors.ts';
import type { SecretBox } from './secrets.ts';

/** Kinds of a workspace's Retool-only settings. */
export type RetoolSettingsKind = 'sso' | 'source_control_config' | 'source_control_settings';

/** Settings as clients see them: the secrets only by their paths. */
export interface RetoolSettings {
  settings: Record<string, unknown>;
  secretNames: string[];
}

/** Kinds of objects given a small integer for Retool's API v2. */
export type LegacyIdKind = 'user' | 'folder' | 'root_folder' | 'invite';

/** A group's Retool access settings; absent ones read as Retool's defaults (`none`, false, null). */
export type GroupSettings = Record<string, string | boolean | null>;

/** What Retool shows of a member beyond the shared model. */
export interface MemberExtras {
  legacyId: number;
  metadata: Record<string, unknown>;
  twoFactor: boolean;
}

/**
 * What Toolplane keeps for Retool's API v2 beyond the shared model: small integer ids of
 * UUID-named objects (stable, never reused, below 2^24 until sixteen million objects), the
 * ids of per-environment resource configurations, groups' access settings and members'
 * free-form metadata. Settings and metadata writes are audited like any other change.
 */
export class RetoolDataService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  /**
   * The integer of each id, given on first request. Giving one is a write of its own (or
   * joins the running transaction), committed whatever the request that needed it does;
   * when every id has one already, this only reads.
   */
  async legacyIds(kind: LegacyIdKind, localIds: readonly string[]): Promise<Map<string, number>> {
    const found = await this.store.read((repos) => repos.retool.findLegacyIds(kind, localIds));
    if (localIds.every((id) => found.has(id))) return found;
    return this.store.write((repos) => repos.retool.legacyIds(kind, localIds));
  }

  /** The object an integer was given to, among `kinds`; undefined when none. */
  byLegacyId(kinds: readonly LegacyIdKind[], id: number): Promise<{ kind: LegacyIdKind; localId: string } | undefined> {
    // Beyond a 32-bit integer no number was ever given (and PostgreSQL's column cannot hold it).
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return Promise.resolve(undefined);
    return this.store.read(async (repos) => repos.retool.byLegacyId(kinds, id) as Promise<{ kind: LegacyIdKind; localId: string } | undefined>);
  }

  /** When the workspace was made: the time its root folders answer. */
  workspaceCreatedAt(actor: Actor): Promise<string> {
    return this.store.read(async (repos) => {
      const row = await repos.workspaces.get(actor.workspaceId);
      if (!row) throw notFound('workspace', actor.workspaceId);
      return toIso(row.created_at);
    });
  }

  /** The configuration ids of a resource's environments, naming those that have none yet. */
  configurationIds(resourceId: string, environmentIds: readonly string[]): Promise<Map<string, string>> {
    return this.store.write(async (repos) => {
      const found = await repos.retool.configurationIds(resourceId, environmentIds);
      const missing = environmentIds.filter((id) => !found.has(id));
      for (const environmentId of missing) await repos.retool.createConfigurationId(randomUUID(), resourceId, environmentId);
      return missing.length === 0 ? found : repos.retool.configurationIds(resourceId, environmentIds);
    });
  }

  /** The resource and environment a configuration id names; undefined when unknown or gone. */
  configurationOf(id: string): Promise<{ resourceId: string; environmentId: string } | undefined> {
    return this.store.read(async (repos) => {
      const row = await repos.retool.getConfigurationId(id);
      return row ? { resourceId: row.resource_id, environmentId: row.environment_id } : undefined;
    });
  }

  groupSettings(groupIds: readonly number[]): Promise<Map<number, GroupSettings>> {
    return this.store.read((repos) => repos.retool.groupSettings(groupIds) as Promise<Map<number, GroupSettings>>);
  }

  /** Sets the given settings of a group of the workspace, keeping the others; audited when something changed. */
  setGroupSettings(actor: Actor, groupId: number, settings: GroupSettings): Promise<void> {
    return this.store.write(async (repos) => {
      if (!(await repos.groups.get(actor.workspaceId, groupId, 'update'))) throw notFound('group', groupId);
      const before = (await repos.retool.groupSettings([groupId])).get(groupId) ?? {};
      const changes = changedFields(before, settings);
      if (isEmpty(changes)) return;
      await repos.retool.setGroupSettings(groupId, { ...before, ...settings });
      await recordAudit(repos, { action: 'group.settings_updated', target: { type: 'group', id: groupId }, workspaceId: actor.workspaceId, changes });
    });
  }

  /**
   * The members' Retool extras, by user id: their user integers (given now to those that have
   * none, as legacyIds does), free-form metadata, and whether two-factor sign-in is on. One
   * statement once every member has an integer.
   */
  async memberExtras(actor: Actor, userIds: readonly string[]): Promise<Map<string, MemberExtras>> {
    const found = await this.store.read((repos) => repos.retool.memberExtras(actor.workspaceId, userIds));
    const missing = userIds.filter((id) => found.get(id)?.legacyId === undefined);
    const given = missing.length === 0 ? new Map<string, number>() : await this.legacyIds('user', missing);
    return new Map(userIds.map((id) => {
      const extras = found.get(id);
      return [id, { legacyId: extras?.legacyId ?? given.get(id)!, metadata: extras?.metadata ?? {}, twoFactor: extras?.twoFactor ?? false }];
    }));
  }

  /** Replaces a member's metadata object; audited when it changed. */
  setUserMetadata(actor: Actor, userId: string, metadata: Record<string, unknown>): Promise<void> {
    return this.store.write(async (repos) => {
      if (!(await repos.memberships.get(actor.workspaceId, userId, 'update'))) throw notFound('user', userId);
      const before = (await repos.retool.userMetadata(actor.workspaceId, [userId])).get(userId) ?? {};
      if (JSON.stringify(before) === JSON.stringify(metadata)) return;
      await repos.retool.setUserMetadata(actor.workspaceId, userId, metadata);
      await recordAudit(repos, { action: 'user.metadata_updated', target: { type: 'user', id: userId }, workspaceId: actor.workspaceId, changes: { metadata } });
    });
  }

  /** The workspace's settings of a kind; undefined when it has none. */
  settings(actor: Actor, kind: RetoolSettingsKind): Promise<RetoolSettings | undefined> {
    return this.store.read(async (repos) => {
      const row = await repos.retool.getSettings(actor.workspaceId, kind);
      if (!row) return undefined;
      return { settings: fromJson<Record<string, unknown>>(row.settings), secretNames: Object.keys(fromJson<Record<string, string>>(row.secrets)).sort() };
    });
  }

  /**
   * Replaces the workspace's settings of a kind: `settings` in clear, `secrets` sealed (bound
   * to the workspace, the kind and the path), and the stored secrets named in `kept` as they
   * are. `created` tells whether there were none before. Audited by field names, never values.
   */
  putSettings(
    actor: Actor, kind: RetoolSettingsKind, settings: Record<string, unknown>, secrets: Record<string, string>, kept: readonly string[] = [],
  ): Promise<{ settings: RetoolSettings; created: boolean }> {
    return this.store.write(async (repos) => {
      const before = await repos.retool.getSettings(actor.workspaceId, kind);
      const stored = before ? fromJson<Record<string, string>>(before.secrets) : {};
      const sealed: Record<string, string> = {};
      for (const name of kept) {
        if (stored[name] === undefined) throw new DomainError('invalid_input', 'invalid_input', `${name}: there is no stored value to keep; send the value`, name);
        sealed[name] = stored[name];
      }
      for (const [name, value] of Object.entries(secrets)) sealed[name] = this.box.seal(value, settingsSecretContext(actor.workspaceId, kind, name));
      const created = await repos.retool.putSettings(actor.workspaceId, kind, settings, sealed, new Date().toISOString());
      await recordAudit(repos, {
        action: `${kind}.configured`, target: { type: kind, id: actor.workspaceId }, workspaceId: actor.workspaceId,
        changes: { ...settings, ...(Object.keys(secrets).length > 0 ? { secretNames: Object.keys(secrets).sort() } : {}) },
      });
      return { settings: { settings, secretNames: Object.keys(sealed).sort() }, created };
    });
  }

  /** Removes the workspace's settings of a kind; 404 when it has none. */
  deleteSettings(actor: Actor, kind: RetoolSettingsKind): Promise<void> {
    return this.store.write(async (repos) => {
      if (!(await repos.retool.deleteSettings(actor.workspaceId, kind))) {
        throw new DomainError('not_found', `${kind}_not_found`, `This workspace has no ${kind.replace(/_/g, ' ')} configured`);
      }
      await recordAudit(repos, { action: `${kind}.deleted`, target: { type: kind, id: actor.workspaceId }, workspaceId: actor.workspaceId });
    });
  }
}

/** What a sealed settings secret is bound to: it opens only where it was written. */
export function settingsSecretContext(workspaceId: string, kind: string, name: string): string {
  return `retool-settings:${workspaceId}:${kind}:${name}`;
}
