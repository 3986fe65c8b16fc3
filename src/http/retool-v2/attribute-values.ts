import { invalidInput } from '../../core/errors.ts';
import type { UserAttribute } from '../../core/user-attribute.service.ts';

/**
 * Retool writes every user attribute value as text; Toolplane keeps it typed by the
 * attribute's definition. A number is its decimal text, a boolean `true` or `false`, a JSON
 * value its JSON text (`"x"` for a string) and a string itself. Text that does not read as
 * the attribute's type is a 400 naming `field`.
 */
export function fromRetoolValue(dataType: UserAttribute['dataType'], text: string, field: string): unknown {
  switch (dataType) {
    case 'string':
      return text;
    case 'number': {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw invalidInput(field, `must be a number for a number attribute, not ${JSON.stringify(text)}`);
      return value;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw invalidInput(field, 'must be true or false for a boolean attribute');
      return text === 'true';
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw invalidInput(field, 'must be JSON text for a json attribute');
      }
  }
}

/** A typed value as Retool's text: a string as it is, anything else as its JSON text; null stays null. */
export function toRetoolValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The definition named `name` among `definitions`; a 400 naming `field` when there is none. */
export function definitionNamed(definitions: readonly UserAttribute[], name: string, field: string): UserAttribute {
  const definition = definitions.find((candidate) => candidate.name === name);
  if (!definition) throw invalidInput(field, `no user attribute named ${name} in this workspace`);
  return definition;
}
