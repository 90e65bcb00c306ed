import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TocEntry } from '../../../../domain/schemas/toc.ts';
import { useEditToc } from '../../../api/documents.ts';
import { canIndent, canOutdent, indent, insert, outdent, remove, rename } from './toc-edits.ts';

/** Where a new entry goes: the reader's selection, else the paragraph they are in. */
export type TocAnchor = { label: string; paragraphId: string; page: number };

/**
 * The Contents panel for an editor: each entry can be renamed, indented, outdented or deleted, and an entry
 * added at the selection (or the current paragraph), saved once its title is. Every change saves the whole
 * list at once; the list shown is the one the server kept.
 */
export function TocEditor({
  fileId,
  entries,
  anchor,
  order,
  onDone,
}: {
  fileId: string;
  entries: TocEntry[];
  anchor: TocAnchor | null;
  /** An entry's position in the text, to put a new entry in document order. */
  order: (e: Pick<TocEntry, 'page' | 'paragraphId'>) => number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useEditToc(fileId);
  const [renaming, setRenaming] = useState<{ index: number; label: string } | null>(null);
  // A new entry is a draft until its title is saved: the list shown includes it, the server's does not.
  const [draft, setDraft] = useState<TocEntry[] | null>(null);
  const shown = draft ?? entries;
  const stopRenaming = () => {
    setRenaming(null);
    setDraft(null);
  };
  const commit = (next: TocEntry[]) => {
    if (save.isPending) return;
    save.mutate(next);
    setDraft(null);
  };
  // aria-disabled, not disabled: a button that becomes disabled under the keyboard's focus drops the focus.
  const unless = (allowed: boolean, run: () => void) => ({
    'aria-disabled': !allowed,
    onClick: () => {
      if (allowed) run();
    },
  });
  const onRename = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    const label = renaming.label.trim();
    if (label) commit(rename(shown, renaming.index, label));
    stopRenaming();
  };
  return (
    <div className="tocedit">
      <div className="tocedit__bar">
        <button
          type="button"
          className="btn btn--small"
          disabled={!anchor || draft !== null}
          // Keeps the text selection the entry is made from.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (!anchor) return;
            const added = insert(entries, anchor, order);
            setDraft(added.toc);
            setRenaming({ index: added.index, label: anchor.label });
          }}
        >
          {t('viewer.toc.add')}
        </button>
        <button type="button" className="btn btn--small btn--primary" onClick={onDone}>
          {t('viewer.toc.done')}
        </button>
      </div>
      {!anchor && <p className="muted tocedit__hint">{t('viewer.toc.addHint')}</p>}
      {save.isError && (
        <p role="alert" className="tocedit__error">
          {t('viewer.toc.failed', { reason: save.error.message })}
        </p>
      )}
      {shown.length === 0 && <p className="muted">{t('viewer.toc.emptyEdit')}</p>}
      <ol className="toc__list" aria-label={t('viewer.toc.label')}>
        {shown.map((e, i) => (
          // By position: after an indent the same row (and its focused button) stays in place.
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place by position
          <li key={i} className={`toc__item toc__item--l${e.level} tocedit__item`}>
            {renaming?.index === i ? (
              <form className="tocedit__rename" onSubmit={onRename}>
                <input
                  // biome-ignore lint/a11y/noAutofocus: the field the editor just asked for
                  autoFocus
                  aria-label={t('viewer.toc.renameLabel')}
                  value={renaming.label}
                  maxLength={200}
                  onChange={(ev) => setRenaming({ index: i, label: ev.target.value })}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Escape') stopRenaming();
                  }}
                />
                <button type="submit" className="btn btn--small btn--primary">
                  {t('viewer.toc.save')}
                </button>
                <button type="button" className="btn btn--small" onClick={stopRenaming}>
                  {t('viewer.toc.cancel')}
                </button>
              </form>
            ) : (
              <>
                <span className="toc__label tocedit__label">{e.label}</span>
                <span className="toc__page">{t('viewer.toc.page', { page: e.page })}</span>
                <span className="tocedit__actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('viewer.toc.renameEntry', { label: e.label })}
                    onClick={() => setRenaming({ index: i, label: e.label })}
                  >
                    {t('viewer.toc.rename')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('viewer.toc.outdentEntry', { label: e.label })}
                    {...unless(canOutdent(shown, i), () => commit(outdent(shown, i)))}
                  >
                    {t('viewer.toc.outdent')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('viewer.toc.indentEntry', { label: e.label })}
                    {...unless(canIndent(shown, i), () => commit(indent(shown, i)))}
                  >
                    {t('viewer.toc.indent')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    aria-label={t('viewer.toc.deleteEntry', { label: e.label })}
                    onClick={() => commit(remove(shown, i))}
                  >
                    {t('viewer.toc.delete')}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
