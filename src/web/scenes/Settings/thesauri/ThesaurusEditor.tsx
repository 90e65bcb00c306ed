import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_INFO, UI_LANGUAGES } from '../../../../domain/languages.ts';
import type { Labels, Thesaurus, ThesaurusInput, ThesaurusValue } from '../../../../domain/schemas/index.ts';
import { valueIdFor } from '../../../../domain/value-id.ts';
import { useThesaurusUsage, useWriteThesaurus } from '../../../api/schema-admin.ts';
import { problemText } from '../problem.ts';
import { SettingsField } from '../SettingsField.tsx';
import { cleanLabels, LabelsFields } from '../schema/LabelsFields.tsx';
import { SchemaJobProgress } from '../schema/SchemaJobProgress.tsx';
import { CsvPanel } from './CsvPanel.tsx';
import { MergePanel } from './MergePanel.tsx';

/** Rows shown at once: a thesaurus may hold 5,000 values, six inputs each; the filter finds the others. */
const ROWS_SHOWN = 200;

/**
 * One thesaurus: its name and its values' labels in six languages, values added, reordered, grouped,
 * removed (only when no entity holds them) or merged into another, and its CSV out and in.
 */
export function ThesaurusEditor({ thesaurus }: { thesaurus: Thesaurus }) {
  const { t } = useTranslation();
  const save = useWriteThesaurus();
  const usage = useThesaurusUsage(thesaurus.name);
  const [labels, setLabels] = useState<Labels>(thesaurus.labels ?? {});
  const [values, setValues] = useState<ThesaurusValue[]>(thesaurus.values);
  const [dirty, setDirty] = useState(false);
  const [filter, setFilter] = useState('');
  const [saved, setSaved] = useState(false);
  const [jobIds, setJobIds] = useState<number[]>([]);
  const [merging, setMerging] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const held = usage.data?.entities ?? {};
  // One level of groups: a value that is in a group cannot hold others.
  const groups = values.filter((v) => !v.group);
  const needle = filter.trim().toLocaleLowerCase();
  const matching = values.filter(
    (v) =>
      !needle ||
      v.id.includes(needle) ||
      [v.label, ...Object.values(v.labels ?? {})].some((l) => l?.toLocaleLowerCase().includes(needle)),
  );
  const change = (next: ThesaurusValue[]) => {
    setSaved(false);
    setDirty(true);
    setValues(next);
  };
  const setValue = (id: string, patch: Partial<ThesaurusValue>) =>
    change(values.map((v) => (v.id === id ? { ...v, ...patch } : v)));
  const move = (id: string, delta: -1 | 1) => {
    const i = values.findIndex((v) => v.id === id);
    const j = i + delta;
    if (j < 0 || j >= values.length) return;
    const out = [...values];
    [out[i], out[j]] = [out[j]!, out[i]!];
    change(out);
  };
  const input = (vs = values): ThesaurusInput => ({
    name: thesaurus.name,
    label: thesaurus.label,
    labels: cleanLabels(labels),
    values: vs.map((v) => ({ ...v, labels: cleanLabels(v.labels), group: v.group || undefined })),
  });
  const submit = () => {
    setSaved(false);
    save.mutate(
      { input: input(), isNew: false },
      {
        onSuccess: (out) => {
          setSaved(true);
          setDirty(false);
          setJobIds(out.jobIds);
          void usage.refetch();
        },
      },
    );
  };
  const addValue = () => {
    const label = newLabel.trim();
    if (!label) return;
    const id = valueIdFor(label, new Set(values.map((v) => v.id)));
    change([...values, { id, label }]);
    setNewLabel('');
  };
  return (
    <div className="settings__thesaurus">
      <h3>{thesaurus.label}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <LabelsFields
          legend={t('settings.thesauri.name')}
          labels={labels}
          placeholder={thesaurus.label}
          onChange={(l) => {
            setSaved(false);
            setDirty(true);
            setLabels(l);
          }}
        />
        <label className="field settings__filter">
          <span>{t('settings.thesauri.filter')}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <p className="muted" aria-live="polite">
          {t('settings.thesauri.shown', {
            shown: Math.min(matching.length, ROWS_SHOWN),
            total: values.length,
          })}
        </p>
        <div className="settings__scroll">
          <table className="settings__table settings__labels">
            <caption>{t('settings.thesauri.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.thesauri.value')}</th>
                <th scope="col">{t('settings.thesauri.group')}</th>
                <th scope="col">{t('settings.thesauri.entities')}</th>
                <th scope="col">{t('settings.thesauri.actions')}</th>
                {UI_LANGUAGES.map((lang) => (
                  <th key={lang} scope="col" lang={LANGUAGE_INFO[lang].htmlLang}>
                    {LANGUAGE_INFO[lang].name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matching.slice(0, ROWS_SHOWN).map((v) => {
                const count = held[v.id] ?? 0;
                const isGroup = values.some((c) => c.group === v.id);
                return (
                  <tr key={v.id}>
                    <th scope="row">
                      <input
                        aria-label={t('settings.thesauri.rename', { value: v.label })}
                        value={v.label}
                        required
                        onChange={(e) => setValue(v.id, { label: e.target.value })}
                      />
                      <code className="muted">{v.id}</code>
                    </th>
                    <td>
                      <select
                        aria-label={t('settings.thesauri.groupOf', { value: v.label })}
                        value={v.group ?? ''}
                        disabled={isGroup}
                        onChange={(e) => setValue(v.id, { group: e.target.value || undefined })}
                      >
                        <option value="">{t('settings.thesauri.noGroup')}</option>
                        {groups
                          .filter((g) => g.id !== v.id)
                          .map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.label}
                            </option>
                          ))}
                      </select>
                    </td>
                    <td>{count}</td>
                    <td>
                      <div className="settings__row settings__row--tight">
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={t('settings.templates.moveUp', { name: v.label })}
                          onClick={() => move(v.id, -1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={t('settings.templates.moveDown', { name: v.label })}
                          onClick={() => move(v.id, 1)}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="btn btn--small"
                          disabled={dirty}
                          title={dirty ? t('settings.thesauri.saveFirst') : undefined}
                          onClick={() => setMerging(v.id)}
                        >
                          {t('settings.thesauri.merge', { value: v.label })}
                        </button>
                        <button
                          type="button"
                          className="btn btn--small"
                          disabled={count > 0 || isGroup}
                          title={count > 0 ? t('settings.thesauri.heldBy', { n: count }) : undefined}
                          onClick={() => change(values.filter((x) => x.id !== v.id))}
                        >
                          {t('settings.thesauri.remove', { value: v.label })}
                        </button>
                      </div>
                    </td>
                    {UI_LANGUAGES.map((lang) => (
                      <td key={lang}>
                        <input
                          aria-label={t('settings.thesauri.labelIn', {
                            value: v.label,
                            language: LANGUAGE_INFO[lang].name,
                          })}
                          lang={LANGUAGE_INFO[lang].htmlLang}
                          dir={LANGUAGE_INFO[lang].dir}
                          value={v.labels?.[lang] ?? ''}
                          onChange={(e) =>
                            setValue(v.id, { labels: { ...v.labels, [lang]: e.target.value } })
                          }
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="settings__row">
          <SettingsField id="thesaurus-new-value" label={t('settings.thesauri.newValue')}>
            {(c) => (
              <input
                value={newLabel}
                {...c}
                onChange={(e) => setNewLabel(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addValue();
                  }
                }}
              />
            )}
          </SettingsField>
          <button type="button" className="btn" onClick={addValue} disabled={!newLabel.trim()}>
            {t('settings.thesauri.addValue')}
          </button>
        </div>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('settings.thesauri.save')}
        </button>
        {saved && (
          <p role="status" className="settings__ok">
            {t('settings.thesauri.saved', { name: thesaurus.label })}
          </p>
        )}
        {jobIds.map((id) => (
          <SchemaJobProgress key={id} id={id} />
        ))}
        {save.error && (
          <p role="alert" className="settings__error">
            {problemText(save.error)}
          </p>
        )}
      </form>
      {merging && (
        <MergePanel
          thesaurus={input()}
          from={merging}
          values={values}
          held={held}
          onClose={() => setMerging(null)}
          onValues={(vs) => {
            setValues(vs);
            void usage.refetch();
          }}
        />
      )}
      <CsvPanel
        name={thesaurus.name}
        disabled={dirty}
        onImported={(vs) => {
          setValues(vs);
          void usage.refetch();
        }}
      />
    </div>
  );
}
