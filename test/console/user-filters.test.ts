import { describe, expect, it } from 'vitest';
import { filtersFrom, isFiltered, paramsOf } from '../../web/src/users/user-filters.ts';

describe('the users page filters in the address', () => {
  it('reads the filters the address names, trimming the search text', () => {
    expect(filtersFrom(new URLSearchParams('q=%20ada%20&role=builder&status=disabled&group=7&page=3'))).toEqual({
      q: 'ada', role: 'builder', status: 'disabled', groupId: 7,
    });
  });

  it('drops values the server would refuse instead of sending them', () => {
    expect(filtersFrom(new URLSearchParams('q=%20%20&role=owner&status=archived&group=x'))).toEqual({
      q: undefined, role: undefined, status: undefined, groupId: undefined,
    });
    expect(filtersFrom(new URLSearchParams('group=0')).groupId).toBeUndefined();
    expect(filtersFrom(new URLSearchParams('group=1.5')).groupId).toBeUndefined();
  });

  it('writes only the filters set, and the page only past the first', () => {
    expect(paramsOf({ q: 'ada', groupId: 3 })).toEqual({ q: 'ada', group: '3' });
    expect(paramsOf({ role: 'admin' }, 2)).toEqual({ role: 'admin', page: '2' });
    expect(paramsOf({}, 1)).toEqual({});
  });

  it('round-trips through the address', () => {
    const filters = { q: 'grace h', role: 'end-user' as const, status: 'active' as const, groupId: 12 };
    expect(filtersFrom(new URLSearchParams(paramsOf(filters, 4)))).toEqual(filters);
    expect(isFiltered(filtersFrom(new URLSearchParams('')))).toBe(false);
    expect(isFiltered({ status: 'active' })).toBe(true);
  });
});
