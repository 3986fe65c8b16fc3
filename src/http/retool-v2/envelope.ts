import { type TSchema, Type } from 'typebox';

/** `{success: true, data}`: every answer with a body. */
export function Envelope<T extends TSchema>(data: T) {
  return Type.Object({ success: Type.Boolean(), data });
}

/** A list: `{success, data: [...], total_count, next_token, has_more}`. */
export function ListEnvelope<T extends TSchema>(item: T) {
  return Type.Object({
    success: Type.Boolean(),
    data: Type.Array(item),
    total_count: Type.Number(),
    next_token: Type.Union([Type.String(), Type.Null()]),
    has_more: Type.Boolean(),
  });
}

/** The answer to a list read whole, in one page. */
export function wholeList<T>(data: T[]) {
  return { success: true, data, total_count: data.length, next_token: null, has_more: false };
}

export function ok<T>(data: T) {
  return { success: true, data };
}

/** Nullable in the OpenAPI 3.0 sense the spec uses. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
