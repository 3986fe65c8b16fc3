import type { Actor } from './actor.ts';
import type { AppService } from './app.service.ts';
import type { AppTransferService } from './app-transfer.service.ts';
import { DomainError, forbidden } from './errors.ts';
import type { ResourceService } from './resource.service.ts';
import { type Scope, hasScope } from './scopes.ts';
import type { UnitOfWork } from './unit-of-work.ts';
import type { WorkflowService } from './workflow.service.ts';

/** What to copy from the source workspace, by id. */
export interface SpaceCopyInput {
  appIds: readonly string[];
  resourceIds: readonly string[];
  workflowIds: readonly string[];
}

/** The copies' ids in the destination, in the order the originals were given. */
export interface SpaceCopyResult {
  appIds: string[];
  resourceIds: string[];
  workflowIds: string[];
}

interface SpaceCopyDependencies {
  unitOfWork: UnitOfWork;
  apps: AppService;
  appTransfers: AppTransferService;
  resources: ResourceService;
  workflows: WorkflowService;
}

/**
 * Copies apps, resources and workflows from one workspace to another, each as a new object
 * of the destination at its top level, created by the actor, under the same name (a name
 * the destination has already is a 409 and copies nothing).
 * - A resource keeps its type, display name and plain options. Its secrets and its
 *   per-environment configurations stay behind: secrets are never moved out of the
 *   workspace they were given to, and environments are each workspace's own.
 * - A workflow keeps its name and description.
 * - An app goes through the app export and import (its newest version). It keeps its links
 *   to resources copied with it, or else to the destination's resource of the same name;
 *   a resource it uses that is neither is a 400 naming both.
 * One transaction: a refused copy creates nothing.
 */
export class SpaceCopyService {
  constructor(private readonly deps: SpaceCopyDependencies) {}

  /**
   * `source` and `destination` act for the same token in two workspaces. Besides the
   * caller's own scope for copying, it must hold the write scope of each kind it copies
   * (403 naming the scope).
   */
  copy(source: Actor, destination: Actor, input: SpaceCopyInput): Promise<SpaceCopyResult> {
    requireWrite(source, 'resources:write', input.resourceIds);
    requireWrite(source, 'workflows:write', input.workflowIds);
    requireWrite(source, 'apps:write', input.appIds);
    const { unitOfWork, apps, appTransfers, resources, workflows } = this.deps;
    return unitOfWork.run(async () => {
      const copiedResources = new Map<string, string>();
      for (const id of input.resourceIds) {
        const original = await resources.get(source, id);
        const copy = await resources.create(destination, {
          name: original.name, type: original.type, displayName: original.displayName, options: original.options,
        });
        copiedResources.set(original.id, copy.id);
      }
      const workflowIds: string[] = [];
      for (const id of input.workflowIds) {
        const original = await workflows.get(source, id);
        workflowIds.push((await workflows.create(destination, { name: original.name, description: original.description })).id);
      }
      const appIds: string[] = [];
      for (const id of input.appIds) {
        const original = await apps.get(source, id);
        const links = await this.linksInDestination(source, destination, original.name, original.resources, copiedResources);
        const file = await appTransfers.exportApp(source, original.id);
        const copy = await appTransfers.importApp(destination, { tooljetVersion: file.tooljet_version, app: file.app, appName: original.name });
        // The export file carries neither, so the copy gets them after its import.
        if (links.length > 0 || original.description) await apps.update(destination, copy.id, { description: original.description, resources: links });
        appIds.push(copy.id);
      }
      return { appIds, resourceIds: [...copiedResources.values()], workflowIds };
    });
  }

  /** The destination's resources standing in for those an app uses: copied with it, or of the same name. */
  private async linksInDestination(
    source: Actor, destination: Actor, appName: string, used: readonly string[], copied: ReadonlyMap<string, string>,
  ): Promise<string[]> {
    if (used.length === 0) return [];
    const byName = new Map((await this.deps.resources.list(destination)).map((resource) => [resource.name, resource.id]));
    const links: string[] = [];
    for (const id of used) {
      const resource = await this.deps.resources.get(source, id);
      const link = copied.get(id) ?? byName.get(resource.name);
      if (!link) {
        throw new DomainError('invalid_input', 'resource_not_copied',
          `App "${appName}" uses resource "${resource.name}" (${id}), which is neither copied with it nor in the destination; copy it too`);
      }
      links.push(link);
    }
    return links;
  }
}

function requireWrite(actor: Actor, scope: Scope, ids: readonly string[]): void {
  if (ids.length > 0 && actor.scopes && !hasScope(actor.scopes, scope)) {
    throw forbidden('missing_scope', `This API token lacks the ${scope} scope, so it cannot copy ${scope.split(':')[0]}`);
  }
}
