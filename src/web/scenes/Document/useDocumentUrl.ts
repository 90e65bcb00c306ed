import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { formatZoom, parseZoom, type Zoom } from './viewer/zoom.ts';

export type PanelName = 'connections' | 'find' | 'details' | 'related' | 'contents';
const PANELS: PanelName[] = ['connections', 'find', 'details', 'related', 'contents'];

/**
 * The viewer's state as a link can share it: `?page=` (kept current while reading), `?zoom=`, `?file=` for
 * entities with several files, `?panel=`, `?find=` (search within) and `#p-<paragraph id>` permalinks.
 */
export function useDocumentUrl() {
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const state = useMemo(() => {
    const page = Number(params.get('page'));
    const panel = params.get('panel') as PanelName | null;
    return {
      page: Number.isInteger(page) && page > 0 ? page : 1,
      zoom: parseZoom(params.get('zoom')),
      fileId: params.get('file') ?? undefined,
      panel: panel && PANELS.includes(panel) ? panel : 'connections',
      find: params.get('find') ?? '',
      paragraphId: hash.startsWith('#p-') ? decodeURIComponent(hash.slice(3)) : undefined,
    };
  }, [params, hash]);

  const set = useCallback(
    (changes: { page?: number; zoom?: Zoom; fileId?: string; panel?: PanelName; find?: string }) =>
      setParams(
        () => {
          // From the address bar, not the router's last render: two changes in one tick (a saved connection
          // switching the panel while the viewer reports its page) must both land.
          const next = new URLSearchParams(window.location.search);
          const put = (k: string, v: string | undefined) => (v ? next.set(k, v) : next.delete(k));
          if (changes.page !== undefined) put('page', changes.page > 1 ? String(changes.page) : undefined);
          if (changes.zoom !== undefined)
            put('zoom', changes.zoom === 'fit-width' ? undefined : formatZoom(changes.zoom));
          if (changes.fileId !== undefined) put('file', changes.fileId);
          if (changes.panel !== undefined)
            put('panel', changes.panel === 'connections' ? undefined : changes.panel);
          if (changes.find !== undefined) put('find', changes.find);
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return { ...state, set };
}
