import type { Change, FieldChange, Plan } from './plan.ts';
import { formatLocation } from './source.ts';

const SIGNS = { create: '+', update: '~', delete: '-' } as const;
const COLOURS = { create: '\u001b[32m', update: '\u001b[33m', delete: '\u001b[31m' } as const;
const RESET = '\u001b[0m';
const OBJECT_NAMES = {
  workspace: 'workspace', environment: 'environment', userAttribute: 'user attribute', group: 'group', member: 'member', invite: 'invite', sso: 'single sign-on', folder: 'folder', app: 'app', resource: 'resource', resourceConfiguration: 'resource configuration', permission: 'permission',
} as const;

/**
 * The plan as people read it: per workspace, deletions first, then creations and updates,
 * each object on its line (`+` create, `~` update, `-` delete) with its fields below it
 * (`old → new` for an update), then a summary line. `colour` adds terminal colours.
 */
export function renderPlan(plan: Plan, options: { colour?: boolean } = {}): string {
  const lines: string[] = [];
  let workspace: string | undefined;
  for (const change of plan.changes) {
    if (change.workspace !== workspace) {
      workspace = change.workspace;
      lines.push(`${lines.length > 0 ? '\n' : ''}workspace ${JSON.stringify(workspace)}`);
    }
    const head = `  ${SIGNS[change.kind]} ${OBJECT_NAMES[change.object]} ${label(change)}`;
    lines.push(options.colour ? `${COLOURS[change.kind]}${head}${RESET}` : head);
    for (const field of change.fields) lines.push(`      ${renderField(change, field)}`);
  }
  lines.push(`${lines.length > 0 ? '\n' : ''}${summaryLine(plan)}`);
  return lines.join('\n');
}

export function summaryLine(plan: Plan): string {
  const { create, update, delete: remove } = plan.summary;
  if (create + update + remove === 0) return 'No changes: the instance matches the configuration.';
  return `Plan: ${create} to create, ${update} to update, ${remove} to delete.`;
}

function label(change: Change): string {
  const key = change.object === 'member' || change.object === 'invite' || change.object === 'folder' || change.object === 'permission' || change.object === 'resourceConfiguration' ? change.key : JSON.stringify(change.key);
  return change.at ? `${key}  (${formatLocation(change.at)})` : key;
}

function renderField(change: Change, field: FieldChange): string {
  if (field.secret) return `${field.field}: (${field.secret})`;
  if (field.digest) return `${field.field}: ${field.digest.from === undefined ? `(sha256 ${field.digest.to.slice(0, 12)})` : `(changed: sha256 ${field.digest.from.slice(0, 12)} → ${field.digest.to.slice(0, 12)})`}`;
  if (field.added || field.removed) {
    const items = [...(field.added ?? []).map((email) => `+${email}`), ...(field.removed ?? []).map((email) => `-${email}`)];
    return `${field.field}: ${items.join(', ')}`;
  }
  if (change.kind === 'create') return `${field.field}: ${show(field.to)}`;
  return `${field.field}: ${show(field.from)} → ${show(field.to)}`;
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
