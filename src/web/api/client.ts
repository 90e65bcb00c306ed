import type {
  Entity,
  EntityView,
  Problem,
  SessionInfo,
  Template,
  Thesaurus,
} from '../../domain/schemas/index.ts';

/** Base path of the REST API (same origin as the app). */
export const API_BASE = '/api/v1';

/** An API call that did not succeed: the HTTP status and the problem document when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** A page of list results as the API returns it. */
export type Paged<T> = { items: T[]; total: number; limit: number; offset: number };

type Query = Record<string, string | number | undefined | null | string[]>;

/** Builds `path?query`, repeating array values and skipping empty ones. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const body = (await res.json()) as Partial<Problem>;
    if (body && typeof body.title === 'string') problem = body as Problem;
  } catch {
    // Not JSON (a proxy error page, say): the status alone tells the story.
  }
  return new ApiError(res.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${res.status}`);
}

let csrfToken: string | null = null;

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (csrfToken === null) csrfToken = (await getSession()).csrfToken;
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  const res = await fetch(`${API_BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** GET a JSON resource of the API. */
export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);

/** A write (POST/PUT/PATCH/DELETE): sends the session's CSRF token in `x-csrf-token`. */
export const write = <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
  request<T>(method, path, body);

/** The current session; also refreshes the CSRF token used by writes. */
export async function getSession(): Promise<SessionInfo> {
  const session = await request<SessionInfo>('GET', '/session');
  csrfToken = session.csrfToken;
  return session;
}

/** Every entity of a template, following the list endpoint's pages (500 per request, the API's maximum). */
export async function listAllEntities(template: string, signal?: AbortSignal): Promise<Entity[]> {
  const limit = 500;
  const items: Entity[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await get<Paged<Entity>>(
      withQuery('/entities', { template, limit, offset, sort: 'title' }),
      signal,
    );
    items.push(...page.items);
    if (page.items.length < limit || items.length >= page.total) return items;
  }
}

/** Typed calls of the read endpoints the portal uses. */
export const api = {
  templates: (signal?: AbortSignal) => get<Template[]>('/templates', signal),
  thesauri: (signal?: AbortSignal) => get<Thesaurus[]>('/thesauri', signal),
  entity: (id: string, signal?: AbortSignal) => get<Entity>(`/entities/${encodeURIComponent(id)}`, signal),
  entityView: (id: string, signal?: AbortSignal) =>
    get<EntityView>(`/entities/${encodeURIComponent(id)}/view`, signal),
  listAllEntities,
};
