import { randomUUID } from 'node:crypto';
import { auditContext, runAudited } from '../core/audit.ts';
import { DomainError } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import type { Store } from '../db/store.ts';
import { type ActorFor, applyPlan } from './apply.ts';
import { type DesiredConfig, mergeFiles } from './desired.ts';
import { exportState } from './export.ts';
import { type Plan, makePlan } from './plan.ts';
import { type LoadOptions, type SourceFile, parseSources } from './source.ts';
import type { SecretCheck } from './resources.ts';
import { readState } from './state.ts';

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

  private readonly secretCheck: SecretCheck = ({ resourceId, environmentId }, sealed, values) =>
    (environmentId === undefined
      ? this.services.resources.differingSecrets(resourceId, sealed, values)
      : this.services.resourceConfigurations.differingSecrets(resourceId, environmentId, sealed, values));

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
   * together; the id is returned.
   */
  async apply(desired: DesiredConfig, plan: Plan, actorFor: ActorFor): Promise<string> {
    const applyId = `apply_${randomUUID()}`;
    await runAudited({ ...auditContext(), requestId: applyId }, () =>
      applyPlan(this.store, this.services, plan, actorFor, (state) => makePlan(desired, state, this.secretCheck)));
    return applyId;
  }

  /** The named workspace (every workspace when none is named) as a configuration file. */
  export(workspace?: string): Promise<string> {
    return this.store.read(async (repos) => {
      const state = await readState(repos, workspace === undefined ? undefined : [workspace]);
      if (workspace !== undefined && state.workspaces.get(workspace)!.id === null) {
        throw new DomainError('not_found', 'workspace_not_found', `No workspace named "${workspace}"`);
      }
      return exportState(state);
    });
  }
}
