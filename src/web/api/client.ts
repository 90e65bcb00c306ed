import i18n from 'i18next';
import { z } from 'zod';
import { EntityList } from '../../domain/schemas/api.ts';
import { ENTITY_LIST_LIMIT_MAX, EntityListQuery } from '../../domain/schemas/entity.ts';
import {
  Entity,
  EntityView,
  type Problem,
  SessionInfo,
  Template,
  Thesaurus,
} from '../../domain/schemas/index.ts';
import { refusalText } from '../lib/problems.ts';

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

  /** A refusal the server explained (or not): its message in the reader's language (lib/problems.ts). */
  static of(status: number, problem: Problem | null): ApiError {
    return new ApiError(status, problem, refusalText(status, problem, i18n.t));
  }
}

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
  return ApiError.of(res.status, problem);
}

let csrfToken: string | null = null;

/**
 * One API call. The response is parsed with the domain's zod schema of that endpoint, so a response of
 * another shape fails here with a clear error instead of as `undefined` deep inside a page.
 */
async function request<S extends z.ZodType>(
  schema: S | null,
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.output<S>> {
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
  if (res.status === 204 || schema === null) return undefined as z.output<S>;
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success)
    throw new ApiError(
      res.status,
      null,
      `Unexpected answer from ${path.split('?')[0]}: ${parsed.error.message}`,
    );
  return parsed.data;
}

/** GET a JSON resource of the API, parsed with its response schema. */
export const get = <S extends z.ZodType>(schema: S, path: string, signal?: AbortSignal) =>
  request(schema, 'GET', path, undefined, signal);

/** A write (POST/PUT/PATCH/DELETE): sends the session's CSRF token in `x-csrf-token`; null: no body back. */
export const write = <S extends z.ZodType>(
  schema: S | null,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) => request(schema, method, path, body);

/**
 * `path?query` for an endpoint whose query the server validates with `schema`: the same schema checks
 * it here first, so a parameter the server would refuse (a limit above its maximum) fails in the client,
 * named, rather than as "Something went wrong (400)".
 */
export function checkedQuery(schema: z.ZodType, path: string, query: Query): string {
  const url = withQuery(path, query);
  const params = new URLSearchParams(url.split('?')[1] ?? '');
  const asServerSees: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    asServerSees[key] = all.length > 1 ? all : all[0]!;
  }
  const checked = schema.safeParse(asServerSees);
  if (!checked.success) throw new Error(`Invalid query for ${path}: ${checked.error.message}`);
  return url;
}

/** The CSRF header of the session, for writes that cannot go through `write` (uploads with progress). */
export async function csrfHeader(): Promise<Record<string, string>> {
  if (csrfToken === null) csrfToken = (await getSession()).csrfToken;
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** The current session; also refreshes the CSRF token used by writes. */
export async function getSession(): Promise<SessionInfo> {
  const session = await request(SessionInfo, 'GET', '/session');
  csrfToken = session.csrfToken;
  return session;
}

/** Every entity of a template, following the list endpoint's pages (its maximum page size). */
export async function listAllEntities(template: string, signal?: AbortSignal): Promise<Entity[]> {
  const limit = ENTITY_LIST_LIMIT_MAX;
  const items: Entity[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await get(
      EntityList,
      checkedQuery(EntityListQuery, '/entities', { template, limit, offset, sort: 'title' }),
      signal,
    );
    items.push(...page.items);
    if (page.items.length < limit || items.length >= page.total) return items;
  }
}

/** Typed calls of the read endpoints the portal uses. */
export const api = {
  templates: (signal?: AbortSignal) => get(z.array(Template), '/templates', signal),
  thesauri: (signal?: AbortSignal) => get(z.array(Thesaurus), '/thesauri', signal),
  entity: (id: string, signal?: AbortSignal) => get(Entity, `/entities/${encodeURIComponent(id)}`, signal),
  entityView: (id: string, signal?: AbortSignal) =>
    get(EntityView, `/entities/${encodeURIComponent(id)}/view`, signal),
  /** The entities among `ids` the reader may see (at most 100 ids, as a page of a list has). */
  entitiesByIds: async (ids: string[], signal?: AbortSignal) =>
    (
      await get(
        EntityList,
        checkedQuery(EntityListQuery, '/entities', { ids: ids.join(','), limit: ids.length }),
        signal,
      )
    ).items,
  listAllEntities,
};
