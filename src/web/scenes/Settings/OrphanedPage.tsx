import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReferenceView } from '../../../domain/schemas/index.ts';
import { useDeleteReference, useOrphaned } from '../../api/settings.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { problemText } from './problem.ts';

/**
 * `/admin/orphaned`: connections whose anchor was lost when a file was replaced, each with the quote it had,
 * a link to the document and Delete (after a confirmation). Re-attaching is not offered yet.
 */
export default function OrphanedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.orphaned'));
  const { data, error, isLoading } = useOrphaned();
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
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
    </section>
  );
}

function OrphanedItem({ reference: r }: { reference: ReferenceView }) {
  const { t } = useTranslation();
  const remove = useDeleteReference();
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
          <button type="button" className="btn btn--small" onClick={() => setConfirming(true)}>
            {t('settings.delete')}
          </button>
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
