import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReattachCandidate } from '../../../../domain/schemas/index.ts';
import { useParagraphs } from '../../../api/documents.ts';
import { useReattach, useReattachProposal } from '../../../api/reattach.ts';
import { ErrorPanel } from '../../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../../components/Status/Loading.tsx';
import { problemText } from '../problem.ts';
import { type Choice, ParagraphChoice } from './ParagraphChoice.tsx';
import '../admin.css';

/**
 * Re-attaching one orphaned connection, wherever it was opened from (the settings' list of orphans or the
 * document viewer's connections): the lost quote with its context, then the new version's five suggested
 * paragraphs, the best one preselected; the editor keeps it, picks another, selects a passage inside one,
 * or opens every paragraph of the file to select other text, and saves. `links` gives the ways out (the
 * place it was opened from decides them), before and after the save.
 */
export function ReattachFlow({
  id,
  links,
}: {
  id: string;
  links: (state: { saved: boolean; entityId: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const proposal = useReattachProposal(id);
  const save = useReattach(id);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [showAll, setShowAll] = useState(false);
  const all = useParagraphs(showAll ? proposal.data?.fileId : undefined);
  if (proposal.isLoading) return <Loading />;
  if (!proposal.data) return <ErrorPanel error={proposal.error} />;
  const p = proposal.data;
  const best = p.candidates[0];
  const chosen: Choice | null =
    choice ?? (best ? { start: best.start, end: best.end, text: best.text } : null);
  const entityId = p.side === 'source' ? p.reference.sourceEntityId : p.reference.targetEntityId;
  const place = p.side === 'source' ? p.reference.sourcePlace : p.reference.targetPlace;
  const other = p.side === 'source' ? p.reference.targetPlace : p.reference.sourcePlace;
  const paragraphs: ReattachCandidate[] = showAll
    ? (all.data ?? []).map((x) => ({
        paragraphId: x.id,
        page: x.page,
        start: x.start,
        end: x.end,
        text: x.text,
        score: 0,
      }))
    : p.candidates;

  if (save.isSuccess)
    return (
      <section aria-labelledby="reattach-title">
        <h2 id="reattach-title">{t('settings.reattach.title')}</h2>
        <p role="status" className="panel settings__ok">
          {save.data.orphaned ? t('settings.reattach.savedOtherLost') : t('settings.reattach.saved')}
        </p>
        <div className="settings__row">{links({ saved: true, entityId })}</div>
      </section>
    );

  return (
    <section aria-labelledby="reattach-title" className="settings__reattach">
      <h2 id="reattach-title">{t('settings.reattach.title')}</h2>
      <p>
        {t('settings.reattach.intro', {
          relation: p.reference.relationLabel,
          file: p.filename,
          entity: place.entityTitle,
          other: other.entityTitle,
        })}
      </p>
      <figure className="panel">
        <figcaption className="muted">{t('settings.reattach.lost')}</figcaption>
        <blockquote className="settings__quote">
          <span className="muted">…{p.lost.prefix}</span>
          <mark>{p.lost.exact}</mark>
          <span className="muted">{p.lost.suffix}…</span>
        </blockquote>
      </figure>
      {p.fileStatus !== 'ready' && <p className="panel">{t('settings.reattach.notReady')}</p>}
      <fieldset className="settings__choices">
        <legend>{showAll ? t('settings.reattach.allParagraphs') : t('settings.reattach.suggested')}</legend>
        <p className="muted">{t('settings.reattach.howTo')}</p>
        {showAll && all.isLoading && <Loading />}
        {!showAll && p.candidates.length === 0 && <p>{t('settings.reattach.noSuggestion')}</p>}
        <ol className="settings__entries">
          {paragraphs.map((c, i) => (
            <ParagraphChoice
              key={c.paragraphId}
              paragraph={c}
              rank={showAll ? null : i + 1}
              chosen={chosen}
              onChoose={(next) => {
                save.reset();
                setChoice(next);
              }}
            />
          ))}
        </ol>
        <button type="button" className="btn btn--small" onClick={() => setShowAll((v) => !v)}>
          {showAll ? t('settings.reattach.showSuggested') : t('settings.reattach.showAll')}
        </button>
      </fieldset>
      <div className="panel settings__chosen" aria-live="polite">
        <p className="muted">{t('settings.reattach.chosen')}</p>
        {chosen ? (
          <blockquote className="settings__quote">{chosen.text}</blockquote>
        ) : (
          <p>{t('settings.reattach.nothing')}</p>
        )}
      </div>
      <div className="settings__row">
        <button
          type="button"
          className="btn btn--primary"
          disabled={!chosen || save.isPending}
          onClick={() => chosen && save.mutate({ side: p.side, start: chosen.start, end: chosen.end })}
        >
          {save.isPending ? t('settings.reattach.saving') : t('settings.reattach.save')}
        </button>
        {links({ saved: false, entityId })}
      </div>
      {save.error && (
        <p role="alert" className="settings__error">
          {problemText(save.error)}
        </p>
      )}
    </section>
  );
}
