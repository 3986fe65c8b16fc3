import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type SourceFile, parseSources } from '../../src/config-code/source.ts';
import { problemsOf } from './problems.ts';
import { MAX_ALIAS_COPIES, loadYamlTree, offsetOf } from '../../src/config-code/yaml-tree.ts';

const file = (text: string): SourceFile => ({ name: 'team.yaml', text });

describe('reading YAML with places', () => {
  it('reads scalars as the yaml package\'s core schema does', () => {
    const scalars = ['0b11', '+.5', '0o17', '0x1F', '017', '1e3', '.inf', '-.Inf', 'yes', 'on', '2024-01-01', 'Null', '~', 'TRUE', 'tRue', '1_000', '"12"', "'x'"];
    const text = scalars.map((scalar, index) => `k${index}: ${scalar}`).join('\n');
    expect(loadYamlTree(text).value).toEqual(parse(text));
  });

  it('places keys and values of block and flow collections, skipping comments and line breaks', () => {
    const text = [
      'workspaces:',
      '  Acme:   # the team',
      '    members:',
      '      ada@example.com: { role: admin, groups: [eng, ops] }',
      '      grace@example.com:',
      '        # a comment',
      '        role: builder',
      '    groups:',
      '      eng:',
      '      - not-a-map',
    ].join('\n');
    const tree = loadYamlTree(text);
    const at = (keys: string[], part: 'key' | 'value') => tree.position(offsetOf(tree, keys, part));
    expect(at(['workspaces', 'Acme'], 'key')).toEqual({ line: 2, col: 3 });
    expect(at(['workspaces', 'Acme'], 'value')).toEqual({ line: 3, col: 5 });
    expect(at(['workspaces', 'Acme', 'members', 'ada@example.com', 'role'], 'value')).toEqual({ line: 4, col: 32 });
    expect(at(['workspaces', 'Acme', 'members', 'ada@example.com', 'groups', '1'], 'value')).toEqual({ line: 4, col: 53 });
    expect(at(['workspaces', 'Acme', 'members', 'grace@example.com', 'role'], 'key')).toEqual({ line: 7, col: 9 });
    expect(at(['workspaces', 'Acme', 'members', 'grace@example.com', 'firstName'], 'key')).toEqual({ line: 7, col: 9 });
    expect(at(['workspaces', 'Acme', 'groups', 'eng'], 'value')).toEqual({ line: 10, col: 7 });
  });

  it('gives each alias its own copy, and refuses a file whose aliases multiply without bound', () => {
    const [parsed] = parseSources([file([
      'vars: { team: core }',
      'workspaces:',
      '  Acme:',
      '    groups:',
      '      eng: &everyone { members: [ada@example.com] }',
      '      ops: *everyone',
      '    members:',
      '      ada@example.com: { attributes: &attributes { team: "${team}" } }',
      '      grace@example.com: { attributes: *attributes }',
    ].join('\n'))]);
    const acme = parsed!.value.workspaces!.Acme!;
    expect(acme.groups!.eng).toEqual(acme.groups!.ops);
    expect(acme.groups!.eng).not.toBe(acme.groups!.ops);
    expect(acme.members!['grace@example.com']!.attributes).toEqual({ team: 'core' });

    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level += 1) levels.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const bomb = `vars:\n  ${levels.join('\n  ')}\nworkspaces: { Acme: { emailDomains: *a7 } }\n`;
    expect(problemsOf(() => parseSources([file(bomb)]))).toContain(`team.yaml:1:1: more than ${MAX_ALIAS_COPIES} copies made by aliases`);
  });

  it('reports every syntax error and duplicate key of a file the fast reader refuses, with its place', () => {
    const problems = problemsOf(() => parseSources([file('workspaces:\n  Acme:\n    groups:\n      eng: {}\n      eng: {}\n    members: {}\n    members: {}\n')]));
    expect(problems).toEqual([
      'team.yaml:7:5: the key "members" appears twice in the same mapping',
      'team.yaml:5:7: the key "eng" appears twice in the same mapping',
    ]);
    expect(problemsOf(() => parseSources([file('workspaces:\n  Acme: { groups: [\n')]))[0]).toMatch(/^team\.yaml:\d+:\d+: /);
    expect(problemsOf(() => parseSources([file('a: 1\n---\nb: 2\n')]))[0]).toMatch(/^team\.yaml:\d+:\d+: /);
  });

  it('keeps a "__proto__" key as a plain entry, and substitutes in sections named vars below the top', () => {
    const [parsed] = parseSources([file('vars: { x: "1" }\nworkspaces:\n  Acme:\n    groups:\n      vars: { members: ["a${x}@example.com"] }\n')], {});
    expect(parsed!.value.workspaces!.Acme!.groups!.vars).toEqual({ members: ['a1@example.com'] });
    const problems = problemsOf(() => parseSources([file('workspaces:\n  __proto__: { status: archived }\n  Acme: { __proto__: 1 }\n')]));
    expect(problems).toEqual([expect.stringMatching(/^team\.yaml:3:11: "__proto__" is not allowed here \(allowed: emailDomains, /)]);
  });
});
