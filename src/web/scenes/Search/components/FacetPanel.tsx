import { useTranslation } from 'react-i18next';
import type { SearchResponse } from '../../../../domain/schemas/search.ts';
import type { FacetOp, FacetSelection } from '../searchState.ts';

type Counts = SearchResponse['facets'][string];

/** One facet: AND/OR toggle, a checkbox per value with its count, and the "no value" bucket. */
export function FacetPanel({
  name,
  label,
  counts,
  selection,
  onChange,
}: {
  name: string;
  label: string;
  counts: Counts;
  selection: FacetSelection;
  onChange: (next: FacetSelection) => void;
}) {
  const { t } = useTranslation();
  const ticked = new Set(selection.values);
  // With "Any" the server counts this facet without its own filter (counts.selfExcluded), so the other
  // values keep their counts and a second one can be ticked; with "All" counts narrow with each value.
  // Ticked values the current results no longer count stay listed, so they can be unticked.
  const buckets = [
    ...counts.buckets,
    ...selection.values
      .filter((v) => !counts.buckets.some((b) => b.value === v))
      .map((v) => ({ value: v, label: v, count: 0 })),
  ];
  const toggle = (value: string) =>
    onChange({
      ...selection,
      values: ticked.has(value) ? selection.values.filter((v) => v !== value) : [...selection.values, value],
    });
  const id = `facet-${name}`;
  return (
    <fieldset
      className="sfacet"
      aria-labelledby={`${id}-legend`}
      data-self-excluded={counts.selfExcluded ? 'true' : undefined}
    >
      <legend id={`${id}-legend`} className="sfacet__legend">
        {label}
      </legend>
      <fieldset className="sfacet__op">
        <legend className="visually-hidden">{t('search.opLabel', { label })}</legend>
        {(['or', 'and'] as FacetOp[]).map((op) => (
          <button
            key={op}
            type="button"
            className="btn btn--small"
            aria-pressed={selection.op === op}
            title={t(`search.opHint.${op}`)}
            onClick={() => onChange({ ...selection, op })}
          >
            {t(`search.op.${op}`)}
          </button>
        ))}
      </fieldset>
      <ul className="sfacet__list">
        {buckets.map((b) => (
          <li key={b.value}>
            <label className="sfacet__item">
              <input type="checkbox" checked={ticked.has(b.value)} onChange={() => toggle(b.value)} />
              <span className="sfacet__label">{b.label}</span>
              <span className="sfacet__count">{b.count}</span>
            </label>
          </li>
        ))}
        {(counts.missing > 0 || selection.missing) && (
          <li>
            <label className="sfacet__item">
              <input
                type="checkbox"
                checked={selection.missing}
                onChange={() => onChange({ ...selection, missing: !selection.missing })}
              />
              <span className="sfacet__label sfacet__label--missing">{t('search.missing')}</span>
              <span className="sfacet__count">{counts.missing}</span>
            </label>
          </li>
        )}
      </ul>
    </fieldset>
  );
}
