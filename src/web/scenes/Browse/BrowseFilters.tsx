import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Property } from '../../../domain/schemas/index.ts';
import { Shown } from '../../components/Shown/Shown.tsx';
import { YearInput } from '../../components/YearInput/YearInput.tsx';
import type { FilterOptions, Filters } from '../../lib/filters.ts';
import type { PortalData } from '../../lib/usePortalData.ts';

type SetParam = (changes: Record<string, string>, opts?: { push?: boolean }) => void;

/** A select bound to one URL parameter, options from a thesaurus. */
function ThesaurusSelect({
  property,
  param,
  value,
  data,
  setParam,
  label,
}: {
  property: Property;
  param: string;
  value: string;
  data: PortalData;
  setParam: SetParam;
  label: string;
}) {
  const { t } = useTranslation();
  const values = data.thesauri.find((x) => x.name === property.thesaurus)?.values ?? [];
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => setParam({ [param]: e.target.value }, { push: true })}>
        <option value="">{t('filters.any')}</option>
        {values.map((v) => (
          <option key={v.id} value={v.id}>
            <Shown of={v} field="label" mark={false} />
          </option>
        ))}
      </select>
    </label>
  );
}

/** The browse filter panel: free text, profile type and properties, membership, document facets, years. */
export function BrowseFilters({
  filters,
  options,
  data,
  setParam,
  onClear,
}: {
  filters: Filters;
  options: FilterOptions;
  data: PortalData;
  setParam: SetParam;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  // Free text reaches the URL (and the search endpoint) after a pause in typing, not on every key.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = window.setTimeout(() => setParam({ q: text.trim() }), 350);
    return () => window.clearTimeout(timer);
  }, [text, filters.q, setParam]);
  const profileTemplates = data.templates.filter(
    (x) => x.name === data.profileTemplates.state || x.name === data.profileTemplates.organisation,
  );

  return (
    <search aria-label={t('browse.filtersLabel')}>
      <form
        className="bfilters"
        onSubmit={(e) => {
          e.preventDefault();
          setParam({ q: text.trim() }, { push: true });
        }}
      >
        <h2 className="bfilters__title">{t('browse.filtersTitle')}</h2>
        <label className="field">
          <span>{t('browse.freeText')}</span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('browse.freeTextHint')}
          />
        </label>
        <fieldset className="bfilters__group">
          <legend>{t('browse.profiles')}</legend>
          <label className="field">
            <span>{t('browse.type')}</span>
            <select value={filters.type} onChange={(e) => setParam({ type: e.target.value }, { push: true })}>
              <option value="">{t('browse.allTypes')}</option>
              {profileTemplates.map((x) => (
                <option key={x.name} value={x.name}>
                  <Shown of={x} field="label" mark={false} />
                </option>
              ))}
            </select>
          </label>
          {options.profileSelects.map((p) => (
            <ThesaurusSelect
              key={p.name}
              property={p}
              param={`p.${p.name}`}
              value={filters.profile[p.name] ?? ''}
              data={data}
              setParam={setParam}
              label={p.label}
            />
          ))}
          <label className="field">
            <span>{t('browse.membership')}</span>
            <select
              value={filters.member}
              onChange={(e) => setParam({ member: e.target.value }, { push: true })}
            >
              <option value="">{t('filters.any')}</option>
              {data.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  <Shown of={o} field="title" mark={false} />
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset className="bfilters__group">
          <legend>{t('browse.documents')}</legend>
          {options.documentSelects.map((p) => (
            <ThesaurusSelect
              key={p.name}
              property={p}
              param={`d.${p.name}`}
              value={filters.document[p.name] ?? ''}
              data={data}
              setParam={setParam}
              label={p.label}
            />
          ))}
          {options.documentDate && (
            <div className="bfilters__years">
              <YearInput
                label={t('filters.from')}
                value={filters.from}
                onCommit={(v) => setParam({ from: v })}
              />
              <YearInput label={t('filters.to')} value={filters.to} onCommit={(v) => setParam({ to: v })} />
            </div>
          )}
        </fieldset>
        <button type="button" className="btn btn--small" onClick={onClear}>
          {t('filters.clear')}
        </button>
      </form>
    </search>
  );
}
