import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../../domain/schemas/file.ts';
import { useSuggestions } from '../../../api/documents.ts';
import { shorten } from '../../../lib/format.ts';
import { SuggestionCard } from '../panels/RelatedPanel.tsx';
import type { PickedEntity } from './TitleAutocomplete.tsx';
import type { Passage } from './types.ts';

/**
 * Step 3: the target passage. The reader selects text or clicks a paragraph in the target (shown beside
 * the source), takes one of the five suggested paragraphs, or chooses one from the list of all paragraphs
 * with the keyboard; then saves.
 */
export function TargetStep({
  source,
  target,
  paragraphs,
  picked,
  saving,
  error,
  onPick,
  onSave,
  onBack,
  onCancel,
}: {
  source: Passage;
  target: PickedEntity;
  paragraphs: readonly Paragraph[];
  picked: Passage | null;
  saving: boolean;
  error: string | null;
  onPick: (p: Paragraph) => void;
  onSave: () => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(
    { fileId: source.fileId, start: source.start, end: source.end },
    target.id,
  );
  const pickedParagraph = picked
    ? paragraphs.find((p) => p.start <= picked.start && p.end >= picked.start)
    : undefined;
  return (
    <section className="connect" aria-labelledby="connect-title">
      <h2 id="connect-title" className="connect__title">
        {t('connect.title')} <span className="muted">{t('connect.step', { step: 3 })}</span>
      </h2>
      <p>{t('connect.pickHelp', { title: target.title })}</p>
      <div className="connect__picked" aria-live="polite">
        {picked ? (
          <>
            <strong>{t('connect.picked', { page: picked.page })}</strong>
            <blockquote className="connect__quote">
              {t('common.quote', { text: shorten(picked.exact, 240) })}
            </blockquote>
          </>
        ) : (
          <p className="muted">{t('connect.nothingPicked')}</p>
        )}
      </div>
      {error && (
        <p role="alert" className="connect__error">
          {error}
        </p>
      )}
      <div className="connect__actions">
        <button type="button" className="btn btn--primary" disabled={!picked || saving} onClick={onSave}>
          {t('connect.save')}
        </button>
        <button type="button" className="btn" onClick={onBack}>
          {t('connect.back')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('connections.cancel')}
        </button>
      </div>
      <h3>{t('suggestions.title')}</h3>
      {suggestions.isLoading && <p className="muted">{t('status.loading')}</p>}
      {suggestions.data?.items.length === 0 && <p className="muted">{t('suggestions.none')}</p>}
      <ol className="suggestions">
        {suggestions.data?.items.map((item) => {
          const p = paragraphs.find((x) => x.id === item.paragraphId);
          return (
            <li key={item.paragraphId} className="suggestion">
              <SuggestionCard
                item={item}
                action={
                  p && (
                    <button
                      type="button"
                      className="btn btn--small"
                      aria-pressed={pickedParagraph?.id === p.id}
                      onClick={() => onPick(p)}
                    >
                      {t('suggestions.use')}
                    </button>
                  )
                }
              />
            </li>
          );
        })}
      </ol>
      <label className="field">
        <span>{t('connect.allParagraphs')}</span>
        <select
          size={8}
          className="connect__paragraphs"
          value={pickedParagraph?.id ?? ''}
          onChange={(e) => {
            const p = paragraphs.find((x) => x.id === e.target.value);
            if (p) onPick(p);
          }}
        >
          {paragraphs
            .filter((p) => !p.isHeading)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {t('search.page', { page: p.page })} — {shorten(p.text, 90)}
              </option>
            ))}
        </select>
      </label>
    </section>
  );
}
