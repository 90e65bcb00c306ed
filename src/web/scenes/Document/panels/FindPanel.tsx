import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileSearchResult } from '../../../api/documents.ts';

type Match = FileSearchResult['matches'][number];

/** The paragraph's text with the matched words marked. */
function Marked({ match }: { match: Match }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const h of match.highlights) {
    if (h.start > at) parts.push(match.text.slice(at, h.start));
    parts.push(<mark key={h.start}>{match.text.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  parts.push(match.text.slice(at));
  return <>{parts}</>;
}

/**
 * Search within the document: every matching paragraph in reading order with its page; choosing one
 * scrolls the viewer there. The query lives in the URL (`?find=`), so a list of hits can be shared.
 */
export function FindPanel({
  query,
  onQuery,
  result,
  isFetching,
  onOpen,
}: {
  query: string;
  onQuery: (q: string) => void;
  result: FileSearchResult | undefined;
  isFetching: boolean;
  onOpen: (m: Match) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(query);
  useEffect(() => setTyped(query), [query]);
  useEffect(() => {
    const id = setTimeout(() => typed !== query && onQuery(typed), 250);
    return () => clearTimeout(id);
  }, [typed, query, onQuery]);
  const matches = query.trim() ? (result?.matches ?? []) : [];
  return (
    <div className="find">
      <label className="field">
        <span>{t('viewer.findLabel')}</span>
        <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      {query.trim() && (
        <p className="muted" aria-live="polite">
          {isFetching ? t('status.loading') : t('viewer.findCount', { count: matches.length })}
        </p>
      )}
      {result?.hints.map((h) => (
        <p key={h} className="muted">
          {h}
        </p>
      ))}
      <ol className="find__list">
        {matches.map((m) => (
          <li key={m.paragraphId}>
            <button type="button" className="find__hit" onClick={() => onOpen(m)}>
              <span className="find__page">{t('search.page', { page: m.page })}</span>
              <span className="find__text">
                <Marked match={m} />
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
