import { useQuery } from '@tanstack/react-query';
import { api, call } from './client.ts';
import { actingRole, useMe } from './me.ts';

export type ObjectType = 'app' | 'resource' | 'folder';
type Level = 'use' | 'edit' | 'own';

/** What the person may do to one object: change it (rename, move, edit), and delete it. */
export interface ObjectRights {
  edit: boolean;
  remove: boolean;
}

const ALL: ObjectRights = { edit: true, remove: true };
const NONE: ObjectRights = { edit: false, remove: false };

/**
 * The person's rights on the objects of one type where the console acts. Admins may do
 * anything; a builder may change what their effective access (direct, group, folder) reaches
 * with `edit`, and delete what it reaches with `own`, as the server decides; an end user
 * nothing. While the builder's access loads, nothing is offered. `create` says whether the
 * person may make objects at the top level.
 */
export function useObjectRights(type: ObjectType) {
  const me = useMe().data;
  const role = me ? actingRole(me) : null;
  const builder = role === 'builder' && me ? me.id : null;
  const access = useQuery({
    queryKey: ['object-access', type, builder],
    enabled: builder !== null,
    queryFn: () => call(api.POST('/permissions/listObjects', {
      body: { subject: { type: 'user', id: builder! }, objectType: type, includeInherited: true },
    })),
  });
  const levels = new Map<string, Level>((access.data?.data ?? []).map((entry) => [entry.id, entry.accessLevel as Level]));
  return {
    create: role === 'admin' || role === 'builder',
    of(id: string | null | undefined): ObjectRights {
      if (role === 'admin') return ALL;
      if (role !== 'builder' || !id) return NONE;
      const level = levels.get(id);
      return { edit: level === 'edit' || level === 'own', remove: level === 'own' };
    },
  };
}
