import createClient from 'openapi-fetch';
import type { components, paths } from './schema.gen.ts';

export type { components, paths };

/** The native API's error body: a stable code, a message, and the field at fault when one is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const WORKSPACE_KEY = 'toolplane.workspace';

/** The workspace the console acts in (`X-Workspace-Id`), kept across reloads; null: the person's default. */
export function currentWorkspaceId(): string | null {
  return localStorage.getItem(WORKSPACE_KEY);
}

const workspaceListeners = new Set<() => void>();

export function setCurrentWorkspaceId(id: string | null): void {
  if (id) localStorage.setItem(WORKSPACE_KEY, id);
  else localStorage.removeItem(WORKSPACE_KEY);
  for (const listener of workspaceListeners) listener();
}

/** Hears of every change of the chosen workspace; answers the function that stops it. */
export function onWorkspaceChange(listener: () => void): () => void {
  workspaceListeners.add(listener);
  return () => workspaceListeners.delete(listener);
}

/**
 * The typed client of `/api/v1`, on the session cookie. Every request carries the CSRF
 * header the server asks of cookie writes, and the chosen workspace.
 */
export const api = createClient<paths>({ baseUrl: '/api/v1' });
api.use({
  onRequest({ request }) {
    request.headers.set('x-toolplane-csrf', '1');
    const workspaceId = currentWorkspaceId();
    if (workspaceId) request.headers.set('x-workspace-id', workspaceId);
    return request;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError carrying the server's code, message and field. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch {
    throw new ApiError(0, 'network_error', 'The server cannot be reached. Check your connection and try again.');
  }
  if (answer.response.ok) return answer.data as T;
  const body = answer.error as { code?: unknown; message?: unknown; field?: unknown } | undefined;
  throw new ApiError(
    answer.response.status,
    typeof body?.code === 'string' ? body.code : 'http_error',
    typeof body?.message === 'string' ? body.message : `The server answered ${answer.response.status}`,
    typeof body?.field === 'string' ? body.field : undefined,
  );
}
