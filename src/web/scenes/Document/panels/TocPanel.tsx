import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TocEntry } from '../../../../domain/schemas/toc.ts';
import { useFileToc } from '../../../api/documents.ts';
import { Loading } from '../../../components/Status/Loading.tsx';
import { type TocAnchor, TocEditor } from './TocEditor.tsx';

/**
 * The document's table of contents (its PDF outline, else its headings) as a list of links, indented by
 * level; choosing one scrolls the viewer to the paragraph it leads to and marks it. The entry of the
 * paragraph the reader went to is marked as current, else the last one starting on or before their page.
 * Editors can switch it to editing (TocEditor).
 */
export function TocPanel({
  fileId,
  page,
  currentParagraphId,
  onOpen,
  edit,
}: {
  fileId: string | undefined;
  page: number;
  /** The paragraph the reader last went to or clicked: its entry is the current one when it has one. */
  currentParagraphId: string | undefined;
  onOpen: (paragraphId: string | null, page: number) => void;
  /** For editors: where a new entry would go, and entries' positions in the text. */
  edit?: { anchor: TocAnchor | null; order: (e: Pick<TocEntry, 'page' | 'paragraphId'>) => number };
}) {
  const { t } = useTranslation();
  const toc = useFileToc(fileId);
  const [editing, setEditing] = useState(false);
  if (!fileId) return <p className="muted">{t('viewer.toc.notReady')}</p>;
  if (toc.isLoading) return <Loading />;
  const entries = toc.data ?? [];
  if (edit && editing)
    return (
      <TocEditor
        fileId={fileId}
        entries={entries}
        anchor={edit.anchor}
        order={edit.order}
        onDone={() => setEditing(false)}
      />
    );
  const editButton = edit && (
    <button type="button" className="btn btn--small toc__edit" onClick={() => setEditing(true)}>
      {t('viewer.toc.edit')}
    </button>
  );
  if (entries.length === 0)
    return (
      <>
        <p className="muted">{t('viewer.toc.empty')}</p>
        {editButton}
      </>
    );
  let current = entries.findIndex((e) => e.paragraphId !== null && e.paragraphId === currentParagraphId);
  if (current < 0)
    entries.forEach((e, i) => {
      if (e.page <= page) current = i;
    });
  return (
    <nav aria-label={t('viewer.toc.label')} className="toc">
      {editButton}
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
