import { type TSchema, Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    message: Type.String({ description: 'A human-readable error message.' }),
    code: Type.String({ description: 'A stable machine-readable error code, such as `not_found` or `email_taken`.' }),
    field: Type.Optional(Type.String({ description: 'The request field at fault, when there is one.' })),
  },
  { description: 'An error response.' },
);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request was malformed or contained invalid parameters.',
  401: 'Authentication failed. The Bearer token is missing or invalid.',
  403: 'Access denied. The token lacks the scope, or may not act in the workspace.',
  404: 'The requested resource was not found.',
  409: 'A conflict occurred, such as a duplicate email address.',
  413: 'The request body is larger than 1 MiB.',
  429: 'Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait.',
};

/** Error responses for a route: always 401, 403 and 429, plus the given statuses. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const all = [...new Set([400, 401, 403, 429, ...statuses])].sort();
  return Object.fromEntries(
    all.map((status) => [status, { ...ErrorBody, description: ERROR_DESCRIPTIONS[status] ?? 'Error.' }]),
  );
}

/** Keeps the row offset (page × pageSize) well inside both databases' integer range. */
const MAX_PAGE = 10_000_000;

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number for pagination (1-based).' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100, description: 'Number of records per page.' })),
});

/** A paginated list answer: `{data, total, page, pageSize}`. */
export function PageOf<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    {
      data: Type.Array(item, { description: 'The records of this page.' }),
      total: Type.Integer({ description: 'Total number of records across all pages.' }),
      page: Type.Integer({ description: 'Current page number.' }),
      pageSize: Type.Integer({ description: 'Number of records per page.' }),
    },
    { description },
  );
}

export const NoContent = Type.Null({ description: 'Deleted.' });

export const Uuid = (description: string) => Type.String({ format: 'uuid', description });
export const Timestamp = (description: string) => Type.String({ format: 'date-time', description });
