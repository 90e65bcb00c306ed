import { useTranslation } from 'react-i18next';
import { useFileToc } from '../../../api/documents.ts';
import { Loading } from '../../../components/Status/Loading.tsx';

/**
 * The document's table of contents (its PDF outline, else its headings) as a list of links, indented by
 * level; choosing one scrolls the viewer to the paragraph it leads to and marks it. The entry of the
 * paragraph the reader went to is marked as current, else the last one starting on or before their page.
 */
export function TocPanel({
  fileId,
  page,
  currentParagraphId,
  onOpen,
}: {
  fileId: string | undefined;
  page: number;
  /** The paragraph the reader last went to or clicked: its entry is the current one when it has one. */
  currentParagraphId: string | undefined;
  onOpen: (paragraphId: string | null, page: number) => void;
}) {
  const { t } = useTranslation();
  const toc = useFileToc(fileId);
  if (!fileId) return <p className="muted">{t('viewer.toc.notReady')}</p>;
  if (toc.isLoading) return <Loading />;
  const entries = toc.data ?? [];
  if (entries.length === 0) return <p className="muted">{t('viewer.toc.empty')}</p>;
  let current = entries.findIndex((e) => e.paragraphId !== null && e.paragraphId === currentParagraphId);
  if (current < 0)
    entries.forEach((e, i) => {
      if (e.page <= page) current = i;
    });
  return (
    <nav aria-label={t('viewer.toc.label')} className="toc">
      <ol className="toc__list">
        {entries.map((e, i) => (
          <li
            key={`${e.page}-${e.level}-${e.label}-${e.paragraphId}`}
            className={`toc__item toc__item--l${e.level}`}
          >
            <button
              type="button"
              className="toc__link"
              aria-current={i === current ? 'location' : undefined}
              onClick={() => onOpen(e.paragraphId, e.page)}
            >
              <span className="toc__label">{e.label}</span>
              <span className="toc__page">{t('viewer.toc.page', { page: e.page })}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
