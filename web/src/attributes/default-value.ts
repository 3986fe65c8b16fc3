/** The attribute types of the API. */
export type DataType = 'string' | 'number' | 'boolean' | 'json';

/**
 * A default value typed into a form, as the attribute's type reads it: empty is no default,
 * a number must be finite, a boolean `true` or `false`, json any JSON. Answers the value, or
 * an error saying what is wrong.
 */
export function parseDefaultValue(text: string, dataType: DataType): { value?: unknown; error?: string } {
  if (text.trim() === '') return {};
  switch (dataType) {
    case 'string':
      return { value: text };
    case 'number':
      return Number.isFinite(Number(text)) ? { value: Number(text) } : { error: 'Enter a number' };
    case 'boolean':
      return text === 'true' || text === 'false' ? { value: text === 'true' } : { error: 'Enter true or false' };
    case 'json':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { error: 'Enter valid JSON' };
      }
  }
}
