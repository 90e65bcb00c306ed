import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ReferenceView } from '../../../domain/schemas/index.ts';
import { ORPHANED_PAGE_SIZE, useDeleteOrphan, useOrphanedPage } from '../../api/reattach.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { problemText } from './problem.ts';

/**
 * `/admin/orphaned?page=N`: connections whose anchor was lost when a file was replaced, a page at a time
 * (the page in the URL), each with the quote it had, "Re-attach" (the new version with the suggested
 * paragraphs) and Delete (after a confirmation).
 */
export default function OrphanedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.orphaned'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const { data, error, isLoading } = useOrphanedPage(page);
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  const pageCount = Math.max(1, Math.ceil(data.total / ORPHANED_PAGE_SIZE));
  const go = (n: number) => setParams(n > 1 ? { page: String(n) } : {});
  return (
    <section aria-labelledby="orphaned-title">
      <h2 id="orphaned-title">{t('settings.nav.orphaned')}</h2>
      {data.total > 0 && <p className="muted">{t('settings.orphaned.intro', { count: data.total })}</p>}
      {data.items.length === 0 ? (
        <p className="panel">{t('settings.orphaned.none')}</p>
      ) : (
        <ul className="settings__entries">
          {data.items.map((r) => (
            <OrphanedItem key={r.id} reference={r} />
          ))}
        </ul>
      )}
      {pageCount > 1 && (
        <nav className="settings__row" aria-label={t('settings.orphaned.pages')}>
          <button type="button" className="btn btn--small" disabled={page <= 1} onClick={() => go(page - 1)}>
            {t('settings.orphaned.previous')}
          </button>
          <span>{t('settings.orphaned.pageOf', { page, total: pageCount })}</span>
          <button
            type="button"
            className="btn btn--small"
            disabled={page >= pageCount}
            onClick={() => go(page + 1)}
          >
            {t('settings.orphaned.next')}
          </button>
        </nav>
      )}
    </section>
  );
}

function OrphanedItem({ reference: r }: { reference: ReferenceView }) {
  const { t } = useTranslation();
  const remove = useDeleteOrphan();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="panel settings__entry">
      <p>
        <Link to={`/entities/${encodeURIComponent(r.sourceEntityId)}`}>{r.sourcePlace.entityTitle}</Link>{' '}
        <span className="muted">{r.relationLabel}</span>{' '}
        <Link to={`/entities/${encodeURIComponent(r.targetEntityId)}`}>{r.targetPlace.entityTitle}</Link>
      </p>
      <blockquote className="settings__quote">{r.source.exact}</blockquote>
      {r.target && <blockquote className="settings__quote">{r.target.exact}</blockquote>}
      <div className="settings__row">
        {confirming ? (
          <>
            <span>{t('settings.orphaned.confirm')}</span>
            <button
              type="button"
              className="btn btn--small"
              disabled={remove.isPending}
              onClick={() => remove.mutate(r.id)}
            >
              {t('settings.yesDelete')}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
              {t('settings.cancel')}
            </button>
          </>
        ) : (
          <>
            <Link className="btn btn--small btn--primary" to={`/admin/orphaned/${encodeURIComponent(r.id)}`}>
              {t('settings.orphaned.reattach')}
            </Link>
            <button type="button" className="btn btn--small" onClick={() => setConfirming(true)}>
              {t('settings.delete')}
            </button>
          </>
        )}
      </div>
      {remove.error && (
        <p role="alert" className="settings__error">
          {problemText(remove.error)}
        </p>
      )}
    </li>
  );
}
