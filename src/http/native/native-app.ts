import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Page, PageRequest } from '../../core/pagination.ts';

/** The Fastify instance native routes register on, typed by their TypeBox schemas. */
export type NativeApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The page a validated query asks for; the schema's defaults have filled absent values. */
export function pageRequest(query: { page?: number; pageSize?: number }): PageRequest {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? 100 };
}

/** Shapes a core page as the native `{data, total, page, pageSize}` answer. */
export function toPageBody<T, U>(page: Page<T>, request: PageRequest, map: (item: T) => U) {
  return { data: page.items.map(map), total: page.total, page: request.page, pageSize: request.pageSize };
}
