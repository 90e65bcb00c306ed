import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ThesaurusInput,
  ThesaurusMergeResult,
  ThesaurusValue,
} from '../../../../domain/schemas/index.ts';
import { undoMerge, useMergeValues } from '../../../api/schema-admin.ts';
import { problemText } from '../problem.ts';

/**
 * Merging one value into another: says how many entities hold it (each will be updated and logged), then
 * merges; the result offers an undo (the value back, every entity's entry reverted).
 */
export function MergePanel({
  thesaurus,
  from,
  values,
  held,
  onClose,
  onValues,
}: {
  thesaurus: ThesaurusInput;
  from: string;
  values: ThesaurusValue[];
  held: Record<string, number>;
  onClose: () => void;
  onValues: (values: ThesaurusValue[]) => void;
}) {
  const { t } = useTranslation();
  const merge = useMergeValues(thesaurus.name);
  const targets = values.filter((v) => v.id !== from && v.group !== from);
  const [into, setInto] = useState(targets[0]?.id ?? '');
  const [result, setResult] = useState<ThesaurusMergeResult | null>(null);
  const [undone, setUndone] = useState(false);
  const [undoError, setUndoError] = useState<unknown>(null);
  // The values before the merge, to show again once it is undone.
  const [before] = useState(values);
  const source = values.find((v) => v.id === from);
  const target = values.find((v) => v.id === into);
  if (!source) return null;
  return (
    <section className="panel settings__merge" aria-labelledby="merge-title">
      <h4 id="merge-title">{t('settings.thesauri.mergeTitle', { value: source.label })}</h4>
      {!result ? (
        <>
          <label className="field">
            <span>{t('settings.thesauri.mergeInto')}</span>
            <select value={into} onChange={(e) => setInto(e.target.value)}>
              {targets.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          <p>
            {t('settings.thesauri.mergeCount', {
              n: held[from] ?? 0,
              from: source.label,
              into: target?.label ?? '',
            })}
          </p>
          <div className="settings__row">
            <button
              type="button"
              className="btn btn--primary"
              disabled={!into || merge.isPending}
              onClick={() =>
                merge.mutate(
                  { from, into },
                  {
                    onSuccess: (r) => {
                      setResult(r);
                      if (r.removed) onValues(values.filter((v) => v.id !== from));
                    },
                  },
                )
              }
            >
              {t('settings.thesauri.mergeDo')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('settings.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status" className={result.failed.length ? 'settings__error' : 'settings__ok'}>
            {undone
              ? t('settings.thesauri.mergeUndone')
              : t('settings.thesauri.mergeDone', { n: result.changed, failed: result.failed.length })}
          </p>
          {result.failed.length > 0 && (
            <ul>
              {result.failed.map((f) => (
                <li key={f.id}>{f.message}</li>
              ))}
            </ul>
          )}
          <div className="settings__row">
            {!undone && result.removed && (
              <button
                type="button"
                className="btn"
                onClick={async () => {
                  setUndoError(null);
                  try {
                    await undoMerge(thesaurus, result);
                    setUndone(true);
                    onValues(before);
                  } catch (e) {
                    setUndoError(e);
                  }
                }}
              >
                {t('settings.thesauri.undo')}
              </button>
            )}
            <button type="button" className="btn" onClick={onClose}>
              {t('settings.thesauri.close')}
            </button>
          </div>
          {undoError !== null && (
            <p role="alert" className="settings__error">
              {problemText(undoError)}
            </p>
          )}
        </>
      )}
      {merge.error && (
        <p role="alert" className="settings__error">
          {problemText(merge.error)}
        </p>
      )}
    </section>
  );
}
