import { describe, expect, it } from 'vitest';
import { displayNameOf } from '../../src/core/resource-types.ts';
import { RESOURCE_TYPES, SECRET_NAME, fromOptionRows, optionValue, toOptionRows } from '../../web/src/resources/option-rows.ts';

describe('resource options as form rows', () => {
  it('shows strings as they are and other values as JSON, and reads them back the same', () => {
    const options = { host: 'db.internal', port: 5432, ssl: true, tags: ['a'], nothing: null, text: '0x10' };
    const rows = toOptionRows(options);
    expect(rows).toEqual([
      { key: 'host', value: 'db.internal' }, { key: 'port', value: '5432' }, { key: 'ssl', value: 'true' },
      { key: 'tags', value: '["a"]' }, { key: 'nothing', value: 'null' }, { key: 'text', value: '0x10' },
    ]);
    expect(fromOptionRows(rows)).toEqual({ options });
  });

  it('sends text that is not a JSON value as text', () => {
    expect(optionValue('{not json}')).toBe('{not json}');
    expect(optionValue('12 monkeys')).toBe('12 monkeys');
    expect(optionValue(' 7 ')).toBe(7);
  });

  it('skips empty rows and names the row of a missing or repeated name', () => {
    expect(fromOptionRows([{ key: '', value: '' }, { key: 'a', value: '1' }])).toEqual({ options: { a: 1 } });
    expect(fromOptionRows([{ key: 'a', value: '1' }, { key: '', value: 'x' }])).toEqual({ error: 'Give the option a name', row: 1 });
    expect(fromOptionRows([{ key: 'a', value: '1' }, { key: ' a ', value: '2' }])).toEqual({ error: '"a" is given twice', row: 1 });
  });

  it('checks secret names as the server does', () => {
    expect(SECRET_NAME.test('api_key.v2-x')).toBe(true);
    expect(SECRET_NAME.test('has space')).toBe(false);
    expect(SECRET_NAME.test('x'.repeat(101))).toBe(false);
  });

  it('offers the resource types the server names, by the same names', () => {
    for (const type of RESOURCE_TYPES) expect(displayNameOf(type.value)).toBe(type.label);
  });
});
