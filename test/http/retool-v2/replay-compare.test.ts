import { describe, expect, it } from 'vitest';
import { IdMap, differences } from './replay.ts';

/** The replay's comparison must catch what it claims to: a changed value, a key too many, a wrong id. */
describe('replay comparison', () => {
  const ids = new IdMap();
  ids.set('app_92', 'app_7');
  ids.set(65, 3);
  const recorded = { success: true, data: { id: 'app_92', name: 'f', parent_folder_id: 'app_1', created_at: '2025-11-07T04:21:56.927Z', group: 65 } };
  const live = { success: true, data: { id: 'app_7', name: 'f', parent_folder_id: 'app_9', created_at: '2026-12-02T17:04:10.848Z', group: 65 } };

  it('accepts the mapped id, an unmapped id of the same form and any timestamp', () => {
    expect(differences(recorded, live, ids)).toEqual([]);
  });

  it('refuses a changed value, a missing or extra key, a wrong mapped id and another id form', () => {
    expect(differences(recorded, { ...live, data: { ...live.data, name: 'g' } }, ids)).toHaveLength(1);
    expect(differences(recorded, { ...live, data: { ...live.data, extra: 1 } }, ids)).toHaveLength(1);
    expect(differences(recorded, { ...live, data: { ...live.data, id: 'app_8' } }, ids)).toHaveLength(1);
    expect(differences(recorded, { ...live, data: { ...live.data, parent_folder_id: 'folder-9' } }, ids)).toHaveLength(1);
    expect(differences({ data: { id: 65 } }, { data: { id: 4 } }, ids)).toHaveLength(1);
  });

  it('finds items of known objects in a list by id and refuses extra items in a list of only known ones', () => {
    const item = { type: 'folder', id: 'app_92', access_level: 'use' };
    expect(differences([item], [{ ...item, id: 'app_7' }], ids)).toEqual([]);
    expect(differences([item], [{ ...item, id: 'app_7', access_level: 'own' }], ids)).toHaveLength(1);
    expect(differences([item], [{ ...item, id: 'app_7' }, { ...item, id: 'app_8' }], ids)).toHaveLength(1);
    expect(differences([], [{ ...item, id: 'app_7' }], ids)).toHaveLength(1);
  });
});
