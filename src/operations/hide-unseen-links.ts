import { relationshipTargets, type Viewer, visibleMetadata } from '../domain/visibility.ts';
import type { Store } from '../store/store.ts';

/**
 * Entities as the viewer may see them: relationship values naming an entity the viewer may not see (an
 * unpublished one, for anonymous readers) are left out of each one's metadata, by the rule of
 * `domain/visibility.ts`. Two queries for an anonymous reader (templates, then which targets are published);
 * none for anyone signed in.
 */
export async function hideUnseenLinks<T extends { template: string; metadata: Record<string, unknown> }>(
  store: Store,
  viewer: Viewer,
  entities: T[],
): Promise<T[]> {
  if (viewer.canSeeUnpublished || !entities.length) return entities;
  const properties = new Map((await store.templates.list()).map((t) => [t.name, t.properties]));
  const propsOf = (e: T) => properties.get(e.template) ?? [];
  const targets = entities.flatMap((e) => relationshipTargets(e.metadata, propsOf(e)));
  if (!targets.length) return entities;
  const published = await store.entities.publishedAmong(targets);
  return entities.map((e) => {
    const metadata = visibleMetadata(viewer, e.metadata, propsOf(e), (id) => published.has(id));
    return metadata === e.metadata ? e : { ...e, metadata };
  });
}
