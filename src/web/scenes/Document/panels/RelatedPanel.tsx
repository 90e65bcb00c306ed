import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Paragraph } from '../../../../domain/schemas/file.ts';
import type { SuggestionItem } from '../../../../domain/schemas/suggestion.ts';
import { useSuggestions } from '../../../api/documents.ts';
import { formatList, shorten } from '../../../lib/format.ts';

/** One suggested paragraph: where it is, its text, and why it was suggested (the words it shares). */
export function SuggestionCard({ item, action }: { item: SuggestionItem; action?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="suggestion__where">
        <Link
          to={`/documents/${encodeURIComponent(item.entityId)}?page=${item.page}#p-${encodeURIComponent(item.paragraphId)}`}
        >
          {item.entityTitle}
        </Link>{' '}
        <span className="muted">· {t('search.page', { page: item.page })}</span>
      </p>
      <p className="suggestion__text">{shorten(item.text, 280)}</p>
      <p className="suggestion__why muted">
        {t('suggestions.shared')}{' '}
        {formatList(
          [...item.sharedPhrases.map((p) => t('common.quote', { text: p })), ...item.sharedTerms].slice(0, 8),
          i18n.language,
        )}
      </p>
      {action}
    </>
  );
}

/** "Related passages": the five paragraphs of other documents most like the one the reader clicked. */
export function RelatedPanel({ paragraph }: { paragraph: Paragraph | undefined }) {
  const { t } = useTranslation();
  const { data, isLoading, isError } = useSuggestions(paragraph ? { paragraphId: paragraph.id } : null);
  if (!paragraph) return <p className="muted">{t('suggestions.pick')}</p>;
  return (
    <div className="related">
      <p className="related__source">{t('common.quote', { text: shorten(paragraph.text, 200) })}</p>
      {isLoading && <p className="muted">{t('status.loading')}</p>}
      {isError && <p role="alert">{t('suggestions.failed')}</p>}
      {data && data.items.length === 0 && <p className="muted">{t('suggestions.none')}</p>}
      <ol className="suggestions">
        {data?.items.map((item) => (
          <li key={item.paragraphId} className="suggestion">
            <SuggestionCard item={item} />
          </li>
        ))}
      </ol>
    </div>
  );
}
