import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { type Static, type TObject, type TProperties, Type } from 'typebox';
import { DomainError } from '../../core/errors.ts';
import type { Outcome } from '../../core/outcomes.ts';
import { describeValidationError, validatorCompiler } from '../validation.ts';
import { ErrorBody } from './common.schemas.ts';

/** The most items one bulk request may carry. */
export const MAX_BULK_ITEMS = 1000;

type CheckResult = { value?: unknown; error?: unknown };

/** Checks one value against `schema` as a body is checked, defaults filled in. */
function compileBodyCheck(schema: object): (data: unknown) => CheckResult {
  return validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '' }) as (data: unknown) => CheckResult;
}

/**
 * A body that is one item or an array of 1 to MAX_BULK_ITEMS items; the document shows
 * `anyOf: [item, array of item]`. Use it with `oneOrManyValidator(item)` on the route.
 */
export function OneOrMany<T extends TObject>(item: T, description: { union: string; array: string }) {
  const many = Type.Array(item, { minItems: 1, maxItems: MAX_BULK_ITEMS, description: description.array });
  return Type.Union([item, many], { description: description.union });
}

/**
 * The route validator for a OneOrMany body. One item is checked exactly as a single-item
 * route checks it (defaults, the first error named); of an array only the length is checked
 * here, and each element is left to `itemChecker`, so one bad element refuses only itself.
 * Other parts of the request are checked as on every route.
 */
export function oneOrManyValidator<T extends TObject>(item: T): FastifySchemaCompiler<object> {
  const one = compileBodyCheck(item);
  const many = compileBodyCheck(Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BULK_ITEMS }));
  return (route) => {
    if (route.httpPart !== 'body') return validatorCompiler(route);
    return (data: unknown) => (Array.isArray(data) ? many(data) : one(data)) as ReturnType<ReturnType<typeof validatorCompiler>>;
  };
}

/**
 * Checks one element of a bulk body against the item schema, as its own request's body would
 * be checked: the error is the invalid_input that request would have had, naming the field.
 */
export function itemChecker<T extends TObject>(item: T): (value: unknown) => Outcome<Static<T>> {
  const check = compileBodyCheck(item);
  return (value) => {
    const result = check(value);
    if (!result.error) return { ok: true, value: result.value as Static<T> };
    const first = (result.error as FastifySchemaValidationError[])[0]!;
    const { field, message } = describeValidationError(first, 'body');
    return { ok: false, error: new DomainError('invalid_input', 'invalid_input', message, field || undefined) };
  };
}

/** The 207 answer to a bulk request: an outcome per item, in request order, and the counts. */
export function BulkAnswer<P extends TProperties>(result: P, description: string) {
  return Type.Object(
    {
      data: Type.Array(
        Type.Object({
          index: Type.Integer({ minimum: 0, description: 'The position of the item in the request array, from 0.' }),
          status: Type.Integer({ description: 'The HTTP status the item would have had on its own: 201 when created, else 400, 404, 409, ...' }),
          ...result,
          error: Type.Optional({ ...ErrorBody, description: 'Why the item was refused: the error body its own request would have had.' }),
        }),
        { description: 'One outcome per item, in request order.' },
      ),
      created: Type.Integer({ description: 'How many items were created.' }),
      failed: Type.Integer({ description: 'How many items were refused; each changed nothing.' }),
    },
    { description },
  );
}
