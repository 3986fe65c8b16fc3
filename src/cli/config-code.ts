import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { InvalidArgumentError } from 'commander';
import type { Plan } from '../config-code/plan.ts';
import { renderPlan } from '../config-code/render.ts';
import { configJsonSchema } from '../config-code/schema.ts';
import { ConfigFileError, readSources } from '../config-code/source.ts';
import type { ConfigTarget } from './config-target.ts';

export interface PlanCommandOptions {
  file: string[];
  var?: Record<string, string>;
  json?: boolean;
}

export interface ApplyCommandOptions {
  file: string[];
  var?: Record<string, string>;
  yes?: boolean;
  planFile?: string;
}

/** Where a command prints: stdout, or a stand-in. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Exit codes of `plan`, as `terraform plan -detailed-exitcode`: 0 no changes, 1 errors, 2 changes. */
export const EXIT_NO_CHANGES = 0;
export const EXIT_ERRORS = 1;
export const EXIT_CHANGES = 2;

/** `toolplane plan`: prints the plan (or its JSON) and returns the exit code. */
export async function planCommand(target: ConfigTarget, options: PlanCommandOptions, out: Output = process.stdout): Promise<number> {
  return reportingFileErrors(async () => {
    const plan = await target.plan(readSources(options.file), options.var);
    out.write(`${options.json ? JSON.stringify(plan, null, 2) : renderPlan(plan, { colour: out.isTTY === true })}\n`);
    return changed(plan) ? EXIT_CHANGES : EXIT_NO_CHANGES;
  });
}

/**
 * `toolplane apply`: shows the plan, asks for a yes on a terminal unless `--yes`, then
 * applies it. With `--plan-file` (a `plan --json` saved earlier) it applies only when the
 * file still makes that plan and the instance is still in the state that plan was made
 * against. Returns the exit code: 0 applied or nothing to do, 1 refused or failed.
 */
export async function applyCommand(target: ConfigTarget, options: ApplyCommandOptions, out: Output = process.stdout): Promise<number> {
  return reportingFileErrors(async () => {
    const sources = readSources(options.file);
    const plan = options.planFile ? readPlanFile(options.planFile) : await target.plan(sources, options.var);
    out.write(`${renderPlan(plan, { colour: out.isTTY === true })}\n`);
    if (!changed(plan)) return EXIT_NO_CHANGES;
    if (!options.yes && !(await confirm())) {
      console.error('toolplane: nothing applied');
      return EXIT_ERRORS;
    }
    const { applyId, invites } = await target.apply(sources, options.var, plan);
    const { create, update, delete: deleted } = plan.summary;
    out.write(`Applied: ${create} created, ${update} updated, ${deleted} deleted. Its audit events carry request id ${applyId}.\n`);
    for (const invite of invites) {
      if (invite.acceptUrl) out.write(`Invite link for ${invite.email} (shown once, no mailer is configured): ${invite.acceptUrl}\n`);
      if (invite.sendError) out.write(`The invite email to ${invite.email} failed (${invite.sendError}); it stays pending: resend it.\n`);
    }
    return EXIT_NO_CHANGES;
  });
}

/**
 * `toolplane export`: the state as YAML, on stdout or into `output`; into a file, with each
 * app's definition written beside it (`apps/<workspace>/<app>.json`) when the target has them.
 */
export async function exportCommand(target: ConfigTarget, options: { workspace?: string; output?: string }): Promise<void> {
  const { content, files } = await target.export(options.workspace, options.output !== undefined);
  if (!options.output) {
    process.stdout.write(content);
    return;
  }
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(path.dirname(options.output), name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  fs.writeFileSync(options.output, content);
}

/** `toolplane config schema`: the file's JSON Schema. */
export function schemaCommand(): void {
  process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
}

/** `--var name=value`, repeatable. */
export function collectVar(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
  if (!match) throw new InvalidArgumentError(`"${value}" is not name=value`);
  return { ...previous, [match[1]!]: match[2]! };
}

export function collectFile(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function changed(plan: Plan): boolean {
  return plan.changes.length > 0;
}

function readPlanFile(file: string): Plan {
  try {
    const plan = JSON.parse(fs.readFileSync(file, 'utf8')) as Plan;
    if (typeof plan.stateFingerprint !== 'string' || typeof plan.changesDigest !== 'string' || !Array.isArray(plan.changes)) throw new Error('not a plan');
    return plan;
  } catch (error) {
    throw new ConfigFileError([{ message: `${file} is not a plan saved by \`toolplane plan --json\` (${(error as Error).message})` }]);
  }
}

async function confirm(): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error('toolplane: not on a terminal; give --yes to apply without asking');
    return false;
  }
  const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question('Apply these changes? Only "yes" applies: ')).trim() === 'yes';
  } finally {
    prompt.close();
  }
}

async function reportingFileErrors(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    console.error(error.message);
    return EXIT_ERRORS;
  }
}
