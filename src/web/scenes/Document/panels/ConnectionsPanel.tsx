import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Anchor } from '../../../../domain/schemas/reference.ts';
import type { ReferenceView } from '../../../../domain/schemas/reference-view.ts';
import { documentsApi, useEntityReferences } from '../../../api/documents.ts';
import { useCan } from '../../../api/session.ts';
import { Shown } from '../../../components/Shown/Shown.tsx';
import { useToast } from '../../../components/Toast/Toast.tsx';
import { shorten } from '../../../lib/format.ts';
import { useLocalEntitiesByIds, useLocalRelationTypes } from '../../../lib/local.ts';

const PAGE_SIZE = 50;

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
 * The document's connections, outgoing and incoming, a page at a time (a document may have thousands):
 * the relation read from this side, this side's quote (click: show it), the other side's title and page
 * (click: open it there). Editors delete, with a confirmation and an Undo.
 */
export function ConnectionsPanel({
  entityId,
  onReveal,
}: {
  entityId: string;
  onReveal: (anchor: Anchor, page: number | null) => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const canDelete = useCan('editor');
  const toast = useToast();
  const client = useQueryClient();
  const { data, isLoading, isError } = useEntityReferences(entityId, offset, PAGE_SIZE);
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
  if (data.total === 0) return <p className="muted">{t('connections.none')}</p>;

  return (
    <div className="connections">
      <p className="muted connections__count">
        {t('connections.range', { from: offset + 1, to: offset + data.items.length, total: data.total })}
      </p>
      <ul className="connections__list">
        {data.items.map((r) => {
          const outgoing = r.sourceEntityId === entityId && r.direction !== 'incoming';
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
                  {t('connections.otherQuote', {
                    quote: t('common.quote', { text: shorten(otherQuote, 160) }),
                  })}
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
    </div>
  );
}
