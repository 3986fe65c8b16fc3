import { randomUUID } from 'node:crypto';
import { auditContext, runAudited } from '../core/audit.ts';
import type { Actor } from '../core/actor.ts';
import { DomainError, forbidden } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import type { Store } from '../db/store.ts';
import { type ActorFor, applyPlan } from './apply.ts';
import { type DesiredConfig, mergeFiles } from './desired.ts';
import { definitionFileNames } from './apps.ts';
import { exportState } from './export.ts';
import { type Plan, makePlan } from './plan.ts';
import {
  type OptionalSection, onlyWorkspace, readableSections, requireReadScopes, requireScopesFor, requireSectionScopes, requireWorkspaces,
} from './remote-access.ts';
import type { SecretCheck } from './resources.ts';
import { ConfigFileError, type LoadOptions, type SourceFile, parseSources } from './source.ts';
import { readState } from './state.ts';

/** A new invite after delivery: its link (shown once) when no mailer sends it, and why sending failed when it did. */
export interface SentInvite {
  email: string;
  acceptUrl?: string;
  sendError: string | null;
}

/** What an apply did: its id (its audit events' request id), and the invites it sent. */
export interface ApplyResult {
  applyId: string;
  invites: SentInvite[];
}

/**
 * Configuration as code over one instance: load a file set, plan it against the current
 * state, apply a plan in one transaction, export the state as a file. The CLI uses it
 * locally; its reads go through the repositories and its writes through the core services.
 */
export class ConfigCodeEngine {
  constructor(
    private readonly store: Store,
    private readonly services: Services,
  ) {}

  private readonly secretCheck: SecretCheck = (owner, sealed, values) => {
    if ('ssoOf' in owner) {
      return Object.keys(values).filter((name) => this.services.sso.clientSecretDiffers(owner.ssoOf, sealed[name]!, values[name]!));
    }
    return owner.environmentId === undefined
      ? this.services.resources.differingSecrets(owner.resourceId, sealed, values)
      : this.services.resourceConfigurations.differingSecrets(owner.resourceId, owner.environmentId, sealed, values);
  };

  /** Parses, substitutes, checks and merges the files; a ConfigFileError lists every problem with its place. */
  load(sources: readonly SourceFile[], options: LoadOptions = {}): DesiredConfig {
    return mergeFiles(parseSources(sources, options));
  }

  /** What applying `desired` would change, and the fingerprint of the state it was worked out against. */
  plan(desired: DesiredConfig): Promise<Plan> {
    return this.store.read(async (repos) => makePlan(desired, await readState(repos, [...desired.workspaces.keys()]), this.secretCheck));
  }

  /**
   * Applies `plan`, made from `desired`, all or nothing (see `applyPlan`). Every audit event
   * it records carries the apply's id as its request id, so one apply's changes are found
   * together; the id is returned. The invites it made are delivered after it commits (their
   * emails sent, or without a mailer their links answered, once), and answered in `invites`.
   */
  async apply(desired: DesiredConfig, plan: Plan, actorFor: ActorFor): Promise<ApplyResult> {
    const applyId = `apply_${randomUUID()}`;
    return runAudited({ ...auditContext(), requestId: applyId }, async () => {
      const recorded = await applyPlan(this.store, this.services, plan, actorFor, (state) => makePlan(desired, state, this.secretCheck));
      const invites: SentInvite[] = [];
      for (const { workspaceId, inviteId, token } of recorded) {
        const { invite, acceptUrl } = await this.services.invites.deliver(workspaceId, inviteId, token);
        invites.push({ email: invite.email, ...(acceptUrl === undefined ? {} : { acceptUrl }), sendError: invite.sendError });
      }
      return { applyId, invites };
    });
  }

  /**
   * `plan` for a remote caller: the files come from the request (their `${env:...}` and
   * `${file:...}` references resolved from `options` only, never from this server's
   * environment or disk), and every workspace they name must be one `actor` may act in.
   * A file problem is a 400 `config_invalid` listing each with its file, line and column.
   */
  async planAs(actor: Actor, sources: readonly SourceFile[], options: LoadOptions): Promise<Plan> {
    requireReadScopes(actor);
    const desired = asInvalidInput(() => this.load(sources, { ...options, env: options.env ?? {}, files: options.files ?? {} }));
    requireSectionScopes(desired, actor);
    return this.store.read(async (repos) => {
      const state = await readState(repos, [...desired.workspaces.keys()]);
      requireWorkspaces(state, actor);
      return asInvalidInput(() => makePlan(desired, state, this.secretCheck));
    });
  }

  /**
   * Applies the files for a remote caller, as `actor` in each workspace, if they still make
   * the plan `expected` names (its state fingerprint and changes digest; 409
   * `config_state_changed` otherwise) and `actor` holds every scope its changes need (403
   * `missing_scope`, nothing applied). Answers the apply's id and the plan applied.
   */
  async applyAs(actor: Actor, sources: readonly SourceFile[], options: LoadOptions, expected: Pick<Plan, 'stateFingerprint' | 'changesDigest'>): Promise<ApplyResult & { plan: Plan }> {
    const current = await this.planAs(actor, sources, options);
    requireScopesFor(current, actor);
    const plan = { ...current, stateFingerprint: expected.stateFingerprint, changesDigest: expected.changesDigest };
    const desired = this.load(sources, { ...options, env: options.env ?? {}, files: options.files ?? {} });
    return { ...await this.apply(desired, plan, (workspaceId) => ({ ...actor, workspaceId })), plan: current };
  }

  /**
   * `export` for a remote caller, who needs every read scope a plan needs: a credential of
   * one workspace exports that one (403 `workspace_forbidden` for another name).
   */
  async exportAs(actor: Actor, workspace?: string): Promise<string> {
    requireReadScopes(actor);
    const only = onlyWorkspace(actor);
    const sections = readableSections(actor);
    if (only === null) return this.export(workspace, sections);
    const own = await this.store.read(async (repos) => (await repos.workspaces.list({}, 0, Number.MAX_SAFE_INTEGER)).find((row) => row.id === only)!.name);
    if (workspace !== undefined && workspace !== own) throw forbidden('workspace_forbidden', `This credential acts in one workspace only, not in "${workspace}"`);
    return this.export(own, sections);
  }

  /**
   * The named workspace (every workspace when none is named) as a configuration file, its
   * apps without their definitions (an apply of it leaves definitions as they are), with
   * the optional `sections` (invites and single sign-on, all by default).
   */
  async export(workspace?: string, sections?: ReadonlySet<OptionalSection>): Promise<string> {
    return exportState(await this.readExported(workspace), new Map(), sections);
  }

  /**
   * The same file with each app's definition: `files` holds every app's ToolJet export file
   * (all its versions, through the app-transfer service, which records each export) by the
   * path the configuration refers to it by, relative to the configuration file.
   */
  async exportWithDefinitions(workspace?: string): Promise<{ content: string; files: Record<string, string> }> {
    const state = await this.readExported(workspace);
    const taken = new Set<string>();
    const names = new Map<string, Map<string, string>>();
    const files: Record<string, string> = {};
    for (const current of state.workspaces.values()) {
      const fileNames = definitionFileNames(current.name, [...current.apps.keys()].filter((name) => current.objects.app.get(name)?.length === 1).sort(), taken);
      names.set(current.name, fileNames);
      for (const [app, file] of fileNames) {
        const exported = await this.services.appTransfers.export(current.id!, current.apps.get(app)!.id, { allVersions: true });
        files[file] = `${JSON.stringify(exported, null, 2)}\n`;
      }
    }
    return { content: exportState(state, names), files };
  }

  private readExported(workspace: string | undefined) {
    return this.store.read(async (repos) => {
      const state = await readState(repos, workspace === undefined ? undefined : [workspace]);
      if (workspace !== undefined && state.workspaces.get(workspace)!.id === null) {
        throw new DomainError('not_found', 'workspace_not_found', `No workspace named "${workspace}"`);
      }
      return state;
    });
  }
}

function asInvalidInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigFileError) throw new DomainError('invalid_input', 'config_invalid', error.message);
    throw error;
  }
}
