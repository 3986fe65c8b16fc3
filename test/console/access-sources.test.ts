import { describe, expect, it } from 'vitest';
import { describeSource } from '../../web/src/permissions/sources.ts';

const names = { groups: new Map([[3, 'Analysts']]), folders: new Map([['f1', 'Reports']]) };

describe('where an access level comes from, in words', () => {
  it('names the role, a direct grant, the group and the folder', () => {
    expect(describeSource({ type: 'role', accessLevel: 'own', role: 'admin' }, names)).toBe('Admin role');
    expect(describeSource({ type: 'direct', accessLevel: 'edit' }, names)).toBe('Direct grant');
    expect(describeSource({ type: 'group', accessLevel: 'use', groupId: 3 }, names)).toBe('Group Analysts');
    expect(describeSource({ type: 'folder', accessLevel: 'own', folderId: 'f1' }, names)).toBe('Folder Reports');
    expect(describeSource({ type: 'folder', accessLevel: 'use', folderId: 'f1', groupId: 3 }, names)).toBe('Folder Reports (through group Analysts)');
  });

  it('falls back to the id when the name is not known', () => {
    expect(describeSource({ type: 'group', accessLevel: 'use', groupId: 9 }, names)).toBe('Group #9');
    expect(describeSource({ type: 'folder', accessLevel: 'use', folderId: 'zz' }, names)).toBe('Folder not visible here');
  });
});
