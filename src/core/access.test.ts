import { describe, expect, it } from 'vitest';
import {
  ACCESS_LEVELS, type AccessFacts, type AccessLevel, type Grant, type MemberFacts, type ObjectRef, type PlacedObject, type Principal,
  effectiveAccess, exceedsUse, folderChain, roleAllows,
} from './access.ts';
import type { Role } from './roles.ts';

// A tree: top ⊃ middle ⊃ bottom, and a sibling of top. The app sits in bottom.
const TOP = 'f-top';
const MIDDLE = 'f-middle';
const BOTTOM = 'f-bottom';
const SIBLING = 'f-sibling';
const folderParents = new Map<string, string | null>([[TOP, null], [MIDDLE, TOP], [BOTTOM, MIDDLE], [SIBLING, null]]);
const APP: PlacedObject = { type: 'app', id: 'app-1', folderId: BOTTOM };
const USER = 'user-1';
const GROUP = 7;
const OTHER_GROUP = 8;

const ALL = { inherited: true };
const OWN_ONLY = { inherited: false };

function member(role: Role, overrides: Partial<MemberFacts> = {}): Principal {
  return { type: 'user', member: { userId: USER, role, status: 'active', groupIds: [GROUP], ...overrides } };
}

const ON_APP: ObjectRef = { type: 'app', id: APP.id };
const toUser = (accessLevel: AccessLevel, object = ON_APP): Grant => ({ subject: { type: 'user', id: USER }, object, accessLevel });
const toGroup = (accessLevel: AccessLevel, object = ON_APP, group = GROUP): Grant => ({ subject: { type: 'group', id: group }, object, accessLevel });
const onFolder = (id: string): ObjectRef => ({ type: 'folder', id });
const facts = (grants: Grant[]): AccessFacts => ({ folderParents, grants });

/** How a grant reaches the user, and the source it shows up as. */
const SOURCES = {
  direct: { grant: (level: AccessLevel) => toUser(level), source: { type: 'direct' } },
  group: { grant: (level: AccessLevel) => toGroup(level), source: { type: 'group', groupId: GROUP } },
  folder: { grant: (level: AccessLevel) => toUser(level, onFolder(BOTTOM)), source: { type: 'folder', folderId: BOTTOM } },
  'nested folder': { grant: (level: AccessLevel) => toUser(level, onFolder(TOP)), source: { type: 'folder', folderId: TOP } },
  'folder through a group': {
    grant: (level: AccessLevel) => toGroup(level, onFolder(MIDDLE)),
    source: { type: 'folder', folderId: MIDDLE, groupId: GROUP },
  },
} as const;

describe('effective access: roles × grant sources × levels', () => {
  for (const [name, { grant, source }] of Object.entries(SOURCES)) {
    for (const level of ACCESS_LEVELS) {
      it(`admin with a ${level} grant (${name}) owns, through the role first`, () => {
        const access = effectiveAccess(member('admin'), APP, facts([grant(level)]), ALL);
        expect(access?.accessLevel).toBe('own');
        expect(access?.sources[0]).toEqual({ type: 'role', accessLevel: 'own', role: 'admin' });
        expect(access?.sources).toContainEqual({ ...source, accessLevel: level });
      });

      it(`builder with a ${level} grant (${name}) gets ${level}`, () => {
        const access = effectiveAccess(member('builder'), APP, facts([grant(level)]), ALL);
        expect(access).toEqual({ accessLevel: level, sources: [{ ...source, accessLevel: level }] });
      });

      it(`end user with a ${level} grant (${name}) only uses`, () => {
        const access = effectiveAccess(member('end-user'), APP, facts([grant(level)]), ALL);
        expect(access).toEqual({ accessLevel: 'use', sources: [{ ...source, accessLevel: 'use' }] });
      });
    }
  }

  it('without any grant: the admin owns through the role, others have no access', () => {
    expect(effectiveAccess(member('admin'), APP, facts([]), ALL)).toEqual({
      accessLevel: 'own', sources: [{ type: 'role', accessLevel: 'own', role: 'admin' }],
    });
    expect(effectiveAccess(member('builder'), APP, facts([]), ALL)).toBeNull();
    expect(effectiveAccess(member('end-user'), APP, facts([]), ALL)).toBeNull();
  });

  it('an archived membership reaches nothing, whatever the role and grants', () => {
    const grants = Object.values(SOURCES).map(({ grant }) => grant('own'));
    for (const role of ['admin', 'builder', 'end-user'] as const) {
      expect(effectiveAccess(member(role, { status: 'archived' }), APP, facts(grants), ALL)).toBeNull();
    }
  });

  it('an invited membership counts like an active one', () => {
    expect(effectiveAccess(member('builder', { status: 'invited' }), APP, facts([toUser('edit')]), ALL)?.accessLevel).toBe('edit');
  });
});

describe('several sources', () => {
  it('the highest level wins, and every source is listed, highest first', () => {
    const grants = [toUser('use'), toGroup('edit'), toUser('own', onFolder(TOP))];
    expect(effectiveAccess(member('builder'), APP, facts(grants), ALL)).toEqual({
      accessLevel: 'own',
      sources: [
        { type: 'folder', accessLevel: 'own', folderId: TOP },
        { type: 'group', accessLevel: 'edit', groupId: GROUP },
        { type: 'direct', accessLevel: 'use' },
      ],
    });
  });

  it('the highest wins whichever source holds it', () => {
    for (const [high, low] of [[toUser('own'), toGroup('use')], [toGroup('own'), toUser('use')], [toUser('own', onFolder(BOTTOM)), toUser('edit')]]) {
      expect(effectiveAccess(member('builder'), APP, facts([low!, high!]), ALL)?.accessLevel).toBe('own');
    }
  });

  it('sources of equal level are ordered role, direct, group, folder', () => {
    const grants = [toUser('own', onFolder(MIDDLE)), toGroup('own'), toUser('own')];
    const access = effectiveAccess(member('admin'), APP, facts(grants), ALL);
    expect(access?.sources.map((source) => source.type)).toEqual(['role', 'direct', 'group', 'folder']);
  });

  it('grants through two groups are both listed', () => {
    const grants = [toGroup('use', undefined, GROUP), toGroup('edit', undefined, OTHER_GROUP)];
    const access = effectiveAccess(member('builder', { groupIds: [GROUP, OTHER_GROUP] }), APP, facts(grants), ALL);
    expect(access).toEqual({
      accessLevel: 'edit',
      sources: [{ type: 'group', accessLevel: 'edit', groupId: OTHER_GROUP }, { type: 'group', accessLevel: 'use', groupId: GROUP }],
    });
  });

  it('an end user with several grants above use still only uses', () => {
    const grants = [toUser('own'), toGroup('edit'), toUser('own', onFolder(TOP))];
    const access = effectiveAccess(member('end-user'), APP, facts(grants), ALL);
    expect(access?.accessLevel).toBe('use');
    expect(access?.sources.every((source) => source.accessLevel === 'use')).toBe(true);
    expect(access?.sources).toHaveLength(3);
  });
});

describe('what a grant does not reach', () => {
  it('grants of other users and groups the user is not in', () => {
    const grants: Grant[] = [
      { subject: { type: 'user', id: 'someone-else' }, object: { type: 'app', id: APP.id }, accessLevel: 'own' },
      toGroup('own', undefined, OTHER_GROUP),
    ];
    expect(effectiveAccess(member('builder'), APP, facts(grants), ALL)).toBeNull();
  });

  it('a grant on another object, or on an object of another type with the same id', () => {
    const grants = [toUser('own', { type: 'app', id: 'app-2' }), toUser('own', { type: 'resource', id: APP.id })];
    expect(effectiveAccess(member('builder'), APP, facts(grants), ALL)).toBeNull();
  });

  it('a folder grant flows down, never up or sideways', () => {
    const inTop: PlacedObject = { type: 'app', id: 'app-top', folderId: TOP };
    const grants = [toUser('own', onFolder(BOTTOM)), toUser('own', onFolder(SIBLING))];
    expect(effectiveAccess(member('builder'), inTop, facts(grants), ALL)).toBeNull();
    const unfiled: PlacedObject = { type: 'app', id: 'app-loose', folderId: null };
    expect(effectiveAccess(member('builder'), unfiled, facts([toUser('own', onFolder(TOP))]), ALL)).toBeNull();
  });

  it('a folder: its own grant is direct, its parents\' grants flow to it, its children\'s do not', () => {
    const middle: PlacedObject = { type: 'folder', id: MIDDLE, folderId: TOP };
    expect(effectiveAccess(member('builder'), middle, facts([toUser('edit', onFolder(MIDDLE))]), ALL)).toEqual({
      accessLevel: 'edit', sources: [{ type: 'direct', accessLevel: 'edit' }],
    });
    expect(effectiveAccess(member('builder'), middle, facts([toUser('use', onFolder(TOP))]), ALL)).toEqual({
      accessLevel: 'use', sources: [{ type: 'folder', accessLevel: 'use', folderId: TOP }],
    });
    expect(effectiveAccess(member('builder'), middle, facts([toUser('own', onFolder(BOTTOM))]), ALL)).toBeNull();
  });
});

describe('own grants only (inherited: false)', () => {
  it('counts only the principal\'s own grants on the object itself', () => {
    const grants = [toGroup('own'), toUser('own', onFolder(BOTTOM)), toUser('use')];
    expect(effectiveAccess(member('builder'), APP, facts(grants), OWN_ONLY)).toEqual({
      accessLevel: 'use', sources: [{ type: 'direct', accessLevel: 'use' }],
    });
  });

  it('gives an admin nothing through the role', () => {
    expect(effectiveAccess(member('admin'), APP, facts([toGroup('own')]), OWN_ONLY)).toBeNull();
    expect(effectiveAccess(member('admin'), APP, facts([toUser('edit')]), OWN_ONLY)?.accessLevel).toBe('edit');
  });

  it('still caps an end user at use', () => {
    expect(effectiveAccess(member('end-user'), APP, facts([toUser('own')]), OWN_ONLY)?.accessLevel).toBe('use');
  });
});

describe('a group as the principal', () => {
  const group: Principal = { type: 'group', id: GROUP };

  it('gets its own grants directly and its folder grants through the folder, uncapped', () => {
    expect(effectiveAccess(group, APP, facts([toGroup('own')]), ALL)).toEqual({ accessLevel: 'own', sources: [{ type: 'direct', accessLevel: 'own' }] });
    expect(effectiveAccess(group, APP, facts([toGroup('edit', onFolder(TOP))]), ALL)).toEqual({
      accessLevel: 'edit', sources: [{ type: 'folder', accessLevel: 'edit', folderId: TOP }],
    });
  });

  it('ignores users\' grants and other groups\' grants', () => {
    expect(effectiveAccess(group, APP, facts([toUser('own'), toGroup('own', undefined, OTHER_GROUP)]), ALL)).toBeNull();
  });

  it('without inherited access, only its grant on the object counts', () => {
    expect(effectiveAccess(group, APP, facts([toGroup('own', onFolder(TOP))]), OWN_ONLY)).toBeNull();
    expect(effectiveAccess(group, APP, facts([toGroup('use')]), OWN_ONLY)?.accessLevel).toBe('use');
  });
});

describe('the folder tree', () => {
  it('lists the folders holding an object, nearest first', () => {
    expect(folderChain(BOTTOM, folderParents)).toEqual([BOTTOM, MIDDLE, TOP]);
    expect(folderChain(TOP, folderParents)).toEqual([TOP]);
    expect(folderChain(null, folderParents)).toEqual([]);
  });

  it('stops at a folder it does not know', () => {
    expect(folderChain('f-unknown', folderParents)).toEqual(['f-unknown']);
  });

  it('cannot loop on a corrupt tree with a cycle, and still finds the grants in it', () => {
    const cyclic = new Map<string, string | null>([['a', 'b'], ['b', 'c'], ['c', 'a']]);
    expect(folderChain('a', cyclic)).toEqual(['a', 'b', 'c']);
    const object: PlacedObject = { type: 'app', id: 'x', folderId: 'a' };
    const access = effectiveAccess(member('builder'), object, { folderParents: cyclic, grants: [toUser('edit', onFolder('c'))] }, ALL);
    expect(access?.accessLevel).toBe('edit');
    expect(effectiveAccess(member('builder'), object, { folderParents: cyclic, grants: [] }, ALL)).toBeNull();
  });

  it('a folder that is its own parent is visited once', () => {
    expect(folderChain('self', new Map([['self', 'self']]))).toEqual(['self']);
  });
});

describe('level helpers', () => {
  it('lets end users hold only use; others any level', () => {
    expect(ACCESS_LEVELS.map((level) => roleAllows('end-user', level))).toEqual([true, false, false]);
    for (const role of ['admin', 'builder'] as const) expect(ACCESS_LEVELS.every((level) => roleAllows(role, level))).toBe(true);
    expect(ACCESS_LEVELS.map(exceedsUse)).toEqual([false, true, true]);
  });
});
