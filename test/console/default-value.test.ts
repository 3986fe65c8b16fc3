import { expect, it } from 'vitest';
import { parseDefaultValue } from '../../web/src/attributes/default-value.ts';

it('reads a typed-in default value by the attribute\'s type, refusing what the type cannot hold', () => {
  expect(parseDefaultValue('', 'number')).toEqual({});
  expect(parseDefaultValue(' 42 ', 'string')).toEqual({ value: ' 42 ' });
  expect(parseDefaultValue('42.5', 'number')).toEqual({ value: 42.5 });
  expect(parseDefaultValue('forty', 'number')).toEqual({ error: 'Enter a number' });
  expect(parseDefaultValue('false', 'boolean')).toEqual({ value: false });
  expect(parseDefaultValue('yes', 'boolean')).toEqual({ error: 'Enter true or false' });
  expect(parseDefaultValue('{"a":[1]}', 'json')).toEqual({ value: { a: [1] } });
  expect(parseDefaultValue('{a', 'json')).toEqual({ error: 'Enter valid JSON' });
});
