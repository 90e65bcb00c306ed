import type { QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './hooks.ts';

const PROFILE_PATH = /^\/(states|organisations)\/[^/]+/;

/**
 * Starts the first route's API requests while the route's code is still loading, so data and code arrive
 * together instead of one after the other (measured by bench/web/run.ts: the profile's cold load).
 */
export function prefetchForPath(client: QueryClient, pathname: string): void {
  const stable = { staleTime: 10 * 60_000 };
  void client.prefetchQuery({
    queryKey: queryKeys.templates,
    queryFn: ({ signal }) => api.templates(signal),
    ...stable,
  });
  void client.prefetchQuery({
    queryKey: queryKeys.thesauri,
    queryFn: ({ signal }) => api.thesauri(signal),
    ...stable,
  });
  const match = PROFILE_PATH.exec(pathname);
  const template = match
    ? match[1] === 'states'
      ? 'State'
      : 'Organisation'
    : pathname === '/'
      ? 'State'
      : null;
  if (template)
    void client.prefetchQuery({
      queryKey: queryKeys.entities(template),
      queryFn: ({ signal }) => api.listAllEntities(template, signal),
      staleTime: 60_000,
    });
}
