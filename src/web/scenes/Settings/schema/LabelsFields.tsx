import { LANGUAGE_INFO, UI_LANGUAGES } from '../../../../domain/languages.ts';
import type { Labels } from '../../../../domain/schemas/index.ts';

/** Six inputs, one per UN language, for the labels of one thing (as the thesaurus editor has them). */
export function LabelsFields({
  legend,
  labels,
  placeholder,
  onChange,
  idPrefix,
}: {
  legend: string;
  labels: Labels | undefined;
  placeholder?: string;
  onChange: (labels: Labels) => void;
  idPrefix?: string;
}) {
  return (
    <fieldset className="settings__langs">
      <legend>{legend}</legend>
      {UI_LANGUAGES.map((lang) => (
        <label key={lang} className="field">
          <span>{LANGUAGE_INFO[lang].name}</span>
          <input
            name={idPrefix ? `${idPrefix}-${lang}` : undefined}
            lang={LANGUAGE_INFO[lang].htmlLang}
            dir={LANGUAGE_INFO[lang].dir}
            value={labels?.[lang] ?? ''}
            placeholder={placeholder}
            onChange={(e) => onChange({ ...labels, [lang]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** Labels without the empty ones: the API keeps only the languages that have one. */
export const cleanLabels = (labels: Labels | undefined): Labels | undefined => {
  const out = Object.fromEntries(Object.entries(labels ?? {}).filter(([, v]) => v?.trim()));
  return Object.keys(out).length ? out : undefined;
};
