import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import { problemsOf } from './problems.ts';
import { mergeFiles } from '../../src/config-code/desired.ts';
import { ConfigDocument, configJsonSchema } from '../../src/config-code/schema.ts';
import { type SourceFile, parseSources, readSources } from '../../src/config-code/source.ts';

const file = (name: string, text: string, baseDir?: string): SourceFile => ({ name, text, baseDir });

describe('loading configuration files', () => {
  it('merges workspaces, sections and folder trees across files, and adds up prune lists', () => {
    const desired = mergeFiles(parseSources([
      file('a.yaml', 'workspaces:\n  Acme:\n    prune: [groups]\n    groups:\n      eng: {}\n    folders:\n      app:\n        Finance:\n          Reports:\n'),
      file('b.yaml', 'workspaces:\n  Acme:\n    prune: [members]\n    groups:\n      ops:\n    members:\n      Ada@Example.com: { role: admin }\n    folders:\n      app:\n        Finance:\n          Budgets: {}\n'),
    ]));
    const acme = desired.workspaces.get('Acme')!;
    expect([...acme.groups.keys()]).toEqual(['eng', 'ops']);
    expect([...acme.prune].sort()).toEqual(['groups', 'members']);
    expect(acme.members.get('ada@example.com')).toMatchObject({ email: 'Ada@Example.com', config: { role: 'admin' } });
    expect([...acme.folders.values()].map((folder) => folder.config.path.join('/')).sort()).toEqual(['Finance', 'Finance/Budgets', 'Finance/Reports']);
  });

  it('refuses an object declared in two files, naming both places', () => {
    const problems = problemsOf(() => mergeFiles(parseSources([
      file('a.yaml', 'workspaces:\n  Acme:\n    groups:\n      eng: {}\n'),
      file('b.yaml', 'workspaces:\n  Acme:\n    members:\n      x@example.com: {}\n    groups:\n      eng: { members: [x@example.com] }\n'),
    ])));
    expect(problems).toEqual(['b.yaml:6:7: group "eng" is declared twice; first at a.yaml:4:7']);
  });

  it('substitutes ${env:...}, ${file:...} relative to the file, ${var} from vars and --var, and keeps $${ literal', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-code-'));
    fs.mkdirSync(path.join(dir, 'secrets'));
    fs.writeFileSync(path.join(dir, 'secrets', 'label.txt'), 'From a file\n');
    const [parsed] = parseSources([file(path.join(dir, 'team.yaml'), [
      'vars:',
      '  domain: example.com',
      '  stage: staging',
      'workspaces:',
      '  "Acme ${stage}":',
      '    emailDomains: ["${domain}", "${env:EXTRA_DOMAIN}"]',
      '    environments:',
      '      qa: { description: "${file:secrets/label.txt} and $${kept}" }',
    ].join('\n'), dir)], { vars: { stage: 'production' }, env: { EXTRA_DOMAIN: 'example.org' } });
    expect(parsed!.value.workspaces).toEqual({
      'Acme production': {
        emailDomains: ['example.com', 'example.org'],
        environments: { qa: { description: 'From a file and ${kept}' } },
      },
    });
  });

  it('names each missing reference and where it is', () => {
    const problems = problemsOf(() => parseSources([file('team.yaml', [
      'workspaces:',
      '  Acme:',
      '    emailDomains: ["${domain}"]',
      '    environments:',
      '      qa: { description: "${env:NOT_SET_ANYWHERE}" }',
      '      dev: { description: "${file:no/such/file}" }',
    ].join('\n'))], { env: {} }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^team\.yaml:3:20: variable domain is not set/);
    expect(problems[1]).toBe('team.yaml:5:26: environment variable NOT_SET_ANYWHERE is not set (${env:NOT_SET_ANYWHERE})');
    expect(problems[2]).toMatch(/^team\.yaml:6:27: cannot read .*no\/such\/file/);
  });

  it('reports schema errors with file, line and column', () => {
    const problems = problemsOf(() => parseSources([file('team.yaml', [
      'workspaces:',
      '  Acme:',
      '    colour: blue',
      '    members:',
      '      not-an-email: {}',
      '    environments:',
      '      qa: { default: "yes" }',
    ].join('\n'))]));
    expect(problems).toContain('team.yaml:3:5: "colour" is not allowed here (allowed: emailDomains, status, twoFactorRequired, scimDefaultRole, prune, environments, userAttributes, groups, members, folders, permissions)');
    expect(problems).toContain('team.yaml:5:7: "not-an-email" is not allowed here: members are keyed by email address');
    expect(problems).toContain('team.yaml:7:22: workspaces.Acme.environments.qa.default must be boolean');
    expect(problemsOf(() => parseSources([file('roles.yaml', 'workspaces:\n  Acme:\n    members:\n      ada@example.com: { role: owner }\n')])))
      .toEqual(['roles.yaml:4:32: workspaces.Acme.members.ada@example.com.role must be one of "admin", "builder", "end-user"']);
  });

  it('reports YAML syntax errors with their place', () => {
    expect(problemsOf(() => parseSources([file('bad.yaml', 'workspaces:\n  Acme: [\n')]))[0]).toMatch(/^bad\.yaml:\d+:\d+: /);
  });

  it('reads a folder of files in name order', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-code-'));
    fs.writeFileSync(path.join(dir, '20-members.yml'), 'workspaces:\n  Acme:\n    members:\n      a@example.com: {}\n');
    fs.writeFileSync(path.join(dir, '10-groups.yaml'), 'workspaces:\n  Acme:\n    groups:\n      eng: {}\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not configuration');
    expect(readSources([dir]).map((source) => path.basename(source.name))).toEqual(['10-groups.yaml', '20-members.yml']);
    expect(problemsOf(() => readSources([path.join(dir, 'missing.yaml')]))[0]).toMatch(/no such file or folder/);
  });

  it('prints a JSON Schema generated from the definitions the loader validates with', () => {
    const schema = configJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties as object)).toEqual(['vars', 'workspaces']);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(Value.Check(ConfigDocument, { workspaces: { Acme: { members: { 'a@example.com': { role: 'admin' } } } } })).toBe(true);
  });

  it('gives editors a schema that a draft 2020-12 validator compiles: it takes the documented example and refuses a wrong folder', () => {
    const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());
    const docs = fs.readFileSync(new URL('../../docs/config-as-code.md', import.meta.url), 'utf8');
    const example = /```yaml\n(# yaml-language-server[^]*?)```/.exec(docs)![1]!;
    expect(validate(parse(example))).toBe(true);
    expect(validate({ workspaces: { Acme: { folders: { app: { Finance: { Reports: 3 } } } } } })).toBe(false);
    expect(validate({ workspaces: { Acme: { prune: ['everything'] } } })).toBe(false);
  });
});
