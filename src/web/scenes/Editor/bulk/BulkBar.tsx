import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localLabel } from '../../../../domain/localize.ts';
import type { BulkEditInput } from '../../../../domain/schemas/index.ts';
import { entityWritesApi } from '../../../api/entities.ts';
import { useTemplates, useThesauri } from '../../../api/hooks.ts';
import { useToast } from '../../../components/Toast/Toast.tsx';
import { BULK_CHUNK, runBulk } from './runBulk.ts';
import '../Editor.css';
import './Bulk.css';

type Action = Omit<BulkEditInput, 'ids'>;

/**
 * What an editor does with the ticked results: publish, unpublish, delete (asked first) or set one select
 * property, with a progress bar while it runs and an Undo of everything it changed (deletions excepted).
 */
export default function BulkBar({
  allIds,
  total,
  selected,
  onSelectAll,
  onClear,
}: {
  /** Every id of the listing, for "select all N" (the search's pages beyond those shown, Browse's rows). */
  allIds: () => Promise<string[]>;
  total: number;
  selected: ReadonlySet<string>;
  onSelectAll: (ids: string[]) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const templates = useTemplates();
  const thesauri = useThesauri();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [property, setProperty] = useState('');
  const [value, setValue] = useState('');
  const confirm = useRef<HTMLDialogElement>(null);
  // Select properties, once per name, with their thesaurus: what "set" can give many entities at once.
  const settable = useMemo(() => {
    const out = new Map<string, { label: string; thesaurus: string }>();
    for (const tpl of templates.data ?? [])
      for (const p of tpl.properties)
        if (p.type === 'select' && p.thesaurus && !out.has(p.name))
          out.set(p.name, {
            label: localLabel(p.label, p.labels, i18n.language).text,
            thesaurus: p.thesaurus,
          });
    return out;
  }, [templates.data, i18n.language]);
  const values = thesauri.data?.find((x) => x.name === settable.get(property)?.thesaurus)?.values ?? [];
  const busy = progress !== null;
  const count = selected.size;

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['search-page'] });
    void client.invalidateQueries({ queryKey: ['entity-view'] });
    void client.invalidateQueries({ queryKey: ['entities'] });
  };

  const run = async (action: Action) => {
    const ids = [...selected];
    const result = await runBulk(ids, action, (done, all) => setProgress({ done, total: all }));
    setProgress(null);
    refresh();
    const text = t('editor.bulkDone', {
      changed: result.changed,
      unchanged: result.unchanged,
      failed: result.failed.length,
    });
    const undo = result.activityIds;
    toast({
      text,
      action:
        undo.length && action.action !== 'delete'
          ? {
              label: t('editor.undo'),
              run: () =>
                void (async () => {
                  let reverted = 0;
                  for (let i = 0; i < undo.length; i += BULK_CHUNK)
                    reverted += (await entityWritesApi.revertMany(undo.slice(i, i + BULK_CHUNK))).reverted;
                  refresh();
                  toast({ text: t('editor.bulkUndone', { reverted }) });
                })().catch(() => toast({ text: t('editor.undoFailed') })),
            }
          : undefined,
    });
    if (action.action === 'delete') onClear();
  };

  return (
    <section className="bulkbar" aria-label={t('editor.bulkLabel')}>
      <p className="bulkbar__count" aria-live="polite">
        {t('editor.selectedOf', { selected: count, total })}
      </p>
      <div className="eform__actions">
        {count < total && (
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={() => void allIds().then(onSelectAll)}
          >
            {t('editor.selectAll', { total })}
          </button>
        )}
        {count > 0 && (
          <button type="button" className="btn btn--small" disabled={busy} onClick={onClear}>
            {t('editor.clearSelection')}
          </button>
        )}
      </div>
      {count > 0 && (
        <div className="eform__actions bulkbar__actions">
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={() => void run({ action: 'publish' })}
          >
            {t('editor.publish')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={() => void run({ action: 'unpublish' })}
          >
            {t('editor.unpublish')}
          </button>
          <button
            type="button"
            className="btn btn--small ebtn--danger"
            disabled={busy}
            onClick={() => confirm.current?.showModal()}
          >
            {t('editor.delete')}
          </button>
          <span className="bulkbar__set">
            <label htmlFor="bulk-property">{t('editor.setProperty')}</label>
            <select id="bulk-property" value={property} onChange={(e) => setProperty(e.target.value)}>
              <option value="">—</option>
              {[...settable].map(([name, p]) => (
                <option key={name} value={name}>
                  {p.label}
                </option>
              ))}
            </select>
            <label htmlFor="bulk-value" className="visually-hidden">
              {t('editor.toValue')}
            </label>
            <select
              id="bulk-value"
              value={value}
              disabled={!property}
              onChange={(e) => setValue(e.target.value)}
            >
              <option value="">{t('editor.noValue')}</option>
              {values.map((v) => (
                <option key={v.id} value={v.id}>
                  {localLabel(v.label, v.labels, i18n.language).text}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn--small"
              disabled={busy || !property}
              onClick={() => void run({ action: 'set', property, value: value || null })}
            >
              {t('editor.apply')}
            </button>
          </span>
        </div>
      )}
      {progress && (
        <p className="bulkbar__progress">
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={t('editor.bulkProgress', { done: progress.done, total: progress.total })}
          />{' '}
          {t('editor.bulkProgress', { done: progress.done, total: progress.total })}
        </p>
      )}
      <dialog ref={confirm} className="edialog" aria-labelledby="bulk-delete-title">
        <h2 id="bulk-delete-title">{t('editor.bulkDeleteTitle', { n: count })}</h2>
        <p>{t('editor.bulkDeleteText')}</p>
        <div className="eform__actions">
          <button type="button" className="btn btn--primary" onClick={() => confirm.current?.close()}>
            {t('editor.cancel')}
          </button>
          <button
            type="button"
            className="btn ebtn--danger"
            onClick={() => {
              confirm.current?.close();
              void run({ action: 'delete' });
            }}
          >
            {t('editor.confirmDelete')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
