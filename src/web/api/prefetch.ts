import type { QueryClient } from '@tanstack/react-query';
import { loadPdfJs, preloadPdf } from '../lib/pdfPreload.ts';
import { api } from './client.ts';
import { fileDownloadUrl, pageBlockQuery, pageReferencesQuery } from './documents.ts';
import { queryKeys } from './hooks.ts';
import { siteSettingsQuery } from './site.ts';

const PROFILE_PATH = /^\/(states|organisations)\/[^/]+/;
const DOCUMENT_PATH = /^\/documents\/([^/]+)$/;

/**
 * A document's entity, then the text of the page asked for, its highlights and (for a PDF) the file itself
 * with pdf.js and its worker: the viewer's first requests, started before its code has loaded.
 */
async function prefetchDocument(client: QueryClient, id: string, search: string) {
  const view = await client.fetchQuery({
    queryKey: queryKeys.entityView(id),
    queryFn: ({ signal }) => api.entityView(id, signal),
    staleTime: 60_000,
  });
  const params = new URLSearchParams(search);
  const file =
    view.files.find((f) => f.id === params.get('file')) ??
    view.files.find((f) => f.status === 'ready' && f.role !== 'thumbnail');
  if (file?.role === 'thumbnail') return;
  if (file?.status !== 'ready') return;
  if (file.kind === 'pdf') preloadPdf(fileDownloadUrl(file.id));
  const page = Math.max(1, Number(params.get('page')) || 1);
  void client.prefetchQuery(pageBlockQuery(file.id, page));
  void client.prefetchQuery(pageReferencesQuery(file.id, page));
}

/**
 * Starts the first route's API requests while the route's code is still loading, so data and code arrive
 * together instead of one after the other (measured by bench/web/run.ts: the profile's cold load).
 */
export function prefetchForPath(client: QueryClient, pathname: string, search = ''): void {
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
  const site = client.fetchQuery(siteSettingsQuery);
  const match = PROFILE_PATH.exec(pathname);
  const kind = match ? (match[1] === 'states' ? 'state' : 'organisation') : pathname === '/' ? 'state' : null;
  // The site settings name the profile templates: the list is asked for as soon as they have come.
  if (kind)
    void site
      .then((settings) => {
        const template = kind === 'state' ? settings.stateTemplate : settings.organisationTemplate;
        return client.prefetchQuery({
          queryKey: queryKeys.entities(template),
          queryFn: ({ signal }) => api.listAllEntities(template, signal),
          staleTime: 60_000,
        });
      })
      .catch(() => {});
  else void site.catch(() => {});
  const doc = DOCUMENT_PATH.exec(pathname);
  // pdf.js and its worker start loading now, while the document's record is still being asked for.
  if (doc) void loadPdfJs().catch(() => {});
  if (doc) void prefetchDocument(client, decodeURIComponent(doc[1]!), search).catch(() => {});
}
