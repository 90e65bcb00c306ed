import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Anchor } from '../../../../domain/schemas/reference.ts';
import type { ReferenceView } from '../../../../domain/schemas/reference-view.ts';
import { documentsApi, type ReferenceSubject, useReferenceList } from '../../../api/documents.ts';
import { useCan } from '../../../api/session.ts';
import { Shown } from '../../../components/Shown/Shown.tsx';
import { useToast } from '../../../components/Toast/Toast.tsx';
import { shorten } from '../../../lib/format.ts';
import { useLocalEntitiesByIds, useLocalRelationTypes } from '../../../lib/local.ts';

const PAGE_SIZE = 50;

// The re-attach flow (and the settings' styles it brings) loads only when an editor opens it.
const ReattachDialog = lazy(() => import('./ReattachDialog.tsx'));

/** Where the other end of a connection opens: its document at the paragraph, or the entity. */
export function otherEndHref(r: ReferenceView, side: 'source' | 'target'): string {
  const entityId = side === 'source' ? r.sourceEntityId : r.targetEntityId;
  const place = side === 'source' ? r.sourcePlace : r.targetPlace;
  const anchor = side === 'source' ? r.source : r.target;
  if (!anchor) return `/entities/${encodeURIComponent(entityId)}`;
  const page = place.page && place.page > 1 ? `?page=${place.page}` : '';
  const hash = place.paragraphId ? `#p-${encodeURIComponent(place.paragraphId)}` : '';
  return `/documents/${encodeURIComponent(entityId)}${page}${hash}`;
}

/** Recreates a deleted connection from what the list showed (its anchors are still valid text). */
const asInput = (r: ReferenceView) => ({
  relationType: r.relationType,
  source: r.source,
  targetEntityId: r.targetEntityId,
  ...(r.target ? { target: r.target } : {}),
});

/**
 * The connections of the file on screen (each file of a document in several languages lists its own, so the
 * Chinese version does not show the English one's), then those to the document as a whole, which no file
 * holds and every file's panel shows under their own heading. Editors delete, with a confirmation and an Undo,
 * and re-attach an orphaned one (its old quote is the one shown) in the settings' re-attach flow.
 */
export function ConnectionsPanel({
  entityId,
  file,
  onReveal,
}: {
  entityId: string;
  /** The file on screen; none: a document without a readable file shows only the whole-document list. */
  file: { id: string; filename: string } | undefined;
  onReveal: (anchor: Anchor, page: number | null) => void;
}) {
  const { t } = useTranslation();
  const whole = useReferenceList({ entityId, wholeEntity: true }, 0, 1);
  const hasWhole = (whole.data?.total ?? 0) > 0;
  return (
    <div className="connections">
      {file && (
        <section aria-labelledby="connections-file">
          {/* The name isolated (FSI…PDI): a Latin "plan.pdf" keeps its order inside an Arabic heading. */}
          <h3 id="connections-file" className="connections__heading">
            {t('connections.inFile', { filename: `\u2068${file.filename}\u2069` })}
          </h3>
          <ConnectionList
            key={file.id}
            subject={{ fileId: file.id }}
            entityId={entityId}
            empty={t('connections.noneInFile')}
            countClass="connections__count"
            onReveal={onReveal}
          />
        </section>
      )}
      {hasWhole && (
        <section aria-labelledby="connections-whole">
          <h3 id="connections-whole" className="connections__heading">
            {t('connections.wholeDocument')}
          </h3>
          <ConnectionList
            subject={{ entityId, wholeEntity: true }}
            entityId={entityId}
            empty=""
            countClass="connections__wholecount"
            onReveal={onReveal}
          />
        </section>
      )}
      {!file && whole.data && !hasWhole && <p className="muted">{t('connections.none')}</p>}
    </div>
  );
}

/**
 * One list of connections, a page at a time: the relation read from this side, this side's quote (click:
 * show it), the other side's title and page (click: open it there).
 */
function ConnectionList({
  subject,
  entityId,
  empty,
  countClass,
  onReveal,
}: {
  subject: ReferenceSubject;
  entityId: string;
  empty: string;
  countClass: string;
  onReveal: (anchor: Anchor, page: number | null) => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reattaching, setReattaching] = useState<string | null>(null);
  const canDelete = useCan('editor');
  const toast = useToast();
  const client = useQueryClient();
  const { data, isLoading, isError } = useReferenceList(subject, offset, PAGE_SIZE);
  const relations = useLocalRelationTypes();
  const entities = useLocalEntitiesByIds(
    (data?.items ?? []).map((r) => (r.sourceEntityId === entityId ? r.targetEntityId : r.sourceEntityId)),
  );
  const relationOf = (name: string) => relations.data?.find((x) => x.name === name);
  const refresh = () => client.invalidateQueries({ queryKey: ['references'] });

  const restore = useMutation({ mutationFn: documentsApi.createReference, onSettled: refresh });
  const remove = useMutation({
    mutationFn: (r: ReferenceView) => documentsApi.deleteReference(r.id),
    onSuccess: (_, r) => {
      setConfirming(null);
      toast({
        text: t('connections.deleted'),
        action: { label: t('connections.undo'), run: () => restore.mutate(asInput(r)) },
      });
    },
    onSettled: refresh,
  });

  if (isLoading) return <p className="muted">{t('status.loading')}</p>;
  if (isError || !data) return <p role="alert">{t('connections.failed')}</p>;
  if (data.total === 0) return empty ? <p className="muted">{empty}</p> : null;

  return (
    <>
      <p className={`muted ${countClass}`}>
        {t('connections.range', { from: offset + 1, to: offset + data.items.length, total: data.total })}
      </p>
      <ul className="connections__list">
        {data.items.map((r) => {
          // Read from the listed side: the file (its end is the source or the target) or the whole entity.
          const outgoing = r.direction === 'outgoing';
          const own = outgoing ? r.source : r.target;
          const ownPlace = outgoing ? r.sourcePlace : r.targetPlace;
          const other = outgoing ? 'target' : 'source';
          const otherPlace = outgoing ? r.targetPlace : r.sourcePlace;
          const otherQuote = outgoing ? r.target?.exact : r.source.exact;
          const relation = relationOf(r.relationType);
          const otherEntity = entities.get(outgoing ? r.targetEntityId : r.sourceEntityId);
          return (
            <li key={r.id} className="connection" data-connection={r.id}>
              <p className="connection__relation">
                <span className="connection__label">
                  {relation ? (
                    <Shown of={relation} field={outgoing ? 'label' : 'inverseLabel'} mark={false} />
                  ) : outgoing ? (
                    r.relationLabel
                  ) : (
                    r.inverseLabel
                  )}
                </span>{' '}
                <Link to={otherEndHref(r, other)}>
                  {otherEntity ? <Shown of={otherEntity} field="title" /> : otherPlace.entityTitle}
                </Link>
                {otherPlace.page !== null && (
                  <span className="muted"> · {t('search.page', { page: otherPlace.page })}</span>
                )}
                {r.orphaned && <span className="connection__orphan"> · {t('connections.orphaned')}</span>}
              </p>
              {r.orphaned && canDelete && (
                <button
                  type="button"
                  className="btn btn--small connection__reattach"
                  onClick={() => setReattaching(r.id)}
                >
                  {t('connections.reattach')}
                </button>
              )}
              {own && (
                <button
                  type="button"
                  className="connection__quote"
                  onClick={() => onReveal(own, ownPlace.page)}
                >
                  {t('common.quote', { text: shorten(own.exact, 220) })}
                </button>
              )}
              {otherQuote && (
                <p className="connection__other muted">
                  {/* The arrow stays at the line's start in the reader's direction; the quote keeps its own. */}
                  <span aria-hidden="true">{t('connections.otherArrow')}</span>
                  <span className="visually-hidden">{t('connections.otherEnd')}</span>
                  <span className="connection__otherquote">
                    {t('common.quote', { text: shorten(otherQuote, 160) })}
                  </span>
                </p>
              )}
              {canDelete &&
                (confirming === r.id ? (
                  <fieldset className="connection__confirm">
                    <legend>{t('connections.confirm')}</legend>
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      onClick={() => remove.mutate(r)}
                    >
                      {t('connections.delete')}
                    </button>
                    <button type="button" className="btn btn--small" onClick={() => setConfirming(null)}>
                      {t('connections.cancel')}
                    </button>
                  </fieldset>
                ) : (
                  <button type="button" className="connection__delete" onClick={() => setConfirming(r.id)}>
                    {t('connections.delete')}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
      {reattaching && (
        <Suspense fallback={null}>
          <ReattachDialog
            id={reattaching}
            onClose={() => {
              // Back to where the dialog was opened from; once re-attached, its button is gone: the item.
              const item = document.querySelector<HTMLElement>(
                `[data-connection="${CSS.escape(reattaching)}"]`,
              );
              (
                item?.querySelector<HTMLElement>('.connection__reattach') ?? item?.querySelector('a')
              )?.focus();
              setReattaching(null);
            }}
          />
        </Suspense>
      )}
      {data.total > PAGE_SIZE && (
        <nav className="connections__pager" aria-label={t('connections.pages')}>
          <button
            type="button"
            className="btn btn--small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('connections.previous')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={offset + PAGE_SIZE >= data.total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t('connections.next')}
          </button>
        </nav>
      )}
    </>
  );
}
