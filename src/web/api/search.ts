import { get, withQuery } from './client.ts';

/**
 * The part of a search response the portal pages read. The search endpoint is written in parallel; this
 * reads the entity id of each hit from the shapes it may take (`{items|results|hits: [{id|entityId|entity}]}`).
 */
export type SearchHitIds = { entityIds: string[]; total: number | null };

/** Query of GET /api/v1/search: free text plus `f.<property>` filters. */
export type SearchParams = { q: string; filters?: Record<string, string[]>; limit?: number };

type RawHit = { id?: unknown; entityId?: unknown; entity?: { id?: unknown } };

function hitId(hit: RawHit): string | null {
  for (const candidate of [hit.entity?.id, hit.entityId, hit.id])
    if (typeof candidate === 'string') return candidate;
  return null;
}

/** Calls GET /api/v1/search and returns the ids of the matching entities. */
export async function searchEntityIds(params: SearchParams, signal?: AbortSignal): Promise<SearchHitIds> {
  const query: Record<string, string | string[] | number> = { q: params.q, limit: params.limit ?? 500 };
  for (const [prop, values] of Object.entries(params.filters ?? {}))
    if (values.length) query[`f.${prop}`] = values;
  const body = await get<Record<string, unknown>>(withQuery('/search', query), signal);
  const list = (body.items ?? body.results ?? body.hits ?? []) as RawHit[];
  const ids = Array.isArray(list) ? list.map(hitId).filter((id): id is string => id !== null) : [];
  const total = typeof body.total === 'number' ? body.total : null;
  return { entityIds: [...new Set(ids)], total };
}
