import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LANGUAGE_INFO, UI_LANGUAGES } from '../../../domain/languages.ts';
import type { Labels, Thesaurus, ThesaurusValue } from '../../../domain/schemas/index.ts';
import { useThesauri } from '../../api/hooks.ts';
import { useSaveThesaurus } from '../../api/settings.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { problemText } from './problem.ts';

/** Rows shown at once: a thesaurus may hold 5,000 values, six inputs each; the filter finds the others. */
const ROWS_SHOWN = 200;

/** `/admin/thesauri` and `/admin/thesauri/:name`: the thesauri, and one thesaurus's labels in six languages. */
export default function ThesauriPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.thesauri'));
  const { name } = useParams();
  const { data, error, isLoading, refetch } = useThesauri();
  // The app keeps thesauri for the session; an admin about to edit them needs what is stored now.
  useEffect(() => {
    void refetch();
  }, [refetch]);
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  const chosen = data.find((x) => x.name === name);
  return (
    <section aria-labelledby="thesauri-title">
      <h2 id="thesauri-title">{t('settings.nav.thesauri')}</h2>
      <ul className="settings__chips">
        {data.map((x) => (
          <li key={x.name}>
            <Link
              to={`/admin/thesauri/${encodeURIComponent(x.name)}`}
              aria-current={x.name === name ? 'page' : undefined}
            >
              {x.label}
            </Link>
          </li>
        ))}
      </ul>
      {chosen ? (
        <ThesaurusEditor key={chosen.name} thesaurus={chosen} />
      ) : (
        <p className="muted">{t('settings.thesauri.choose')}</p>
      )}
    </section>
  );
}

/** Labels without the empty ones: the API keeps only the languages that have one. */
const clean = (labels: Labels | undefined): Labels | undefined => {
  const out = Object.fromEntries(Object.entries(labels ?? {}).filter(([, v]) => v?.trim()));
  return Object.keys(out).length ? out : undefined;
};

function ThesaurusEditor({ thesaurus }: { thesaurus: Thesaurus }) {
  const { t } = useTranslation();
  const save = useSaveThesaurus();
  const [labels, setLabels] = useState<Labels>(thesaurus.labels ?? {});
  const [values, setValues] = useState<ThesaurusValue[]>(thesaurus.values);
  const [filter, setFilter] = useState('');
  const [saved, setSaved] = useState(false);
  const needle = filter.trim().toLocaleLowerCase();
  const matching = values.filter(
    (v) =>
      !needle ||
      v.id.includes(needle) ||
      [v.label, ...Object.values(v.labels ?? {})].some((l) => l?.toLocaleLowerCase().includes(needle)),
  );
  const setValueLabel = (id: string, lang: string, text: string) => {
    setSaved(false);
    setValues((vs) => vs.map((v) => (v.id === id ? { ...v, labels: { ...v.labels, [lang]: text } } : v)));
  };
  const submit = () => {
    setSaved(false);
    save.mutate(
      {
        name: thesaurus.name,
        label: thesaurus.label,
        labels: clean(labels),
        values: values.map((v) => ({ ...v, labels: clean(v.labels) })),
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form
      className="settings__thesaurus"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{thesaurus.label}</h3>
      <fieldset className="settings__langs">
        <legend>{t('settings.thesauri.name')}</legend>
        {UI_LANGUAGES.map((lang) => (
          <label key={lang} className="field">
            <span>{LANGUAGE_INFO[lang].name}</span>
            <input
              lang={LANGUAGE_INFO[lang].htmlLang}
              dir={LANGUAGE_INFO[lang].dir}
              value={labels[lang] ?? ''}
              placeholder={thesaurus.label}
              onChange={(e) => {
                setSaved(false);
                setLabels((l) => ({ ...l, [lang]: e.target.value }));
              }}
            />
          </label>
        ))}
      </fieldset>
      <label className="field settings__filter">
        <span>{t('settings.thesauri.filter')}</span>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <p className="muted" aria-live="polite">
        {t('settings.thesauri.shown', { shown: Math.min(matching.length, ROWS_SHOWN), total: values.length })}
      </p>
      <div className="settings__scroll">
        <table className="settings__table settings__labels">
          <caption>{t('settings.thesauri.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.thesauri.value')}</th>
              {UI_LANGUAGES.map((lang) => (
                <th key={lang} scope="col" lang={LANGUAGE_INFO[lang].htmlLang}>
                  {LANGUAGE_INFO[lang].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matching.slice(0, ROWS_SHOWN).map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.label}</th>
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
                      onChange={(e) => setValueLabel(v.id, lang, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {t('settings.thesauri.save')}
      </button>
      {saved && (
        <p role="status" className="settings__ok">
          {t('settings.thesauri.saved', { name: thesaurus.label })}
        </p>
      )}
      {save.error && (
        <p role="alert" className="settings__error">
          {problemText(save.error)}
        </p>
      )}
    </form>
  );
}
