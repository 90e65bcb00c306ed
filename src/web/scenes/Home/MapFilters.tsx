import { useTranslation } from 'react-i18next';
import { Shown } from '../../components/Shown/Shown.tsx';
import { YearInput } from '../../components/YearInput/YearInput.tsx';
import type { FilterOptions, Filters } from '../../lib/filters.ts';
import type { PortalData } from '../../lib/usePortalData.ts';

const PRESETS = [
  { key: 'map.presetCert', match: /cert|csirt/i },
  { key: 'map.presetLaw', match: /international\s*law/i },
] as const;

/** The map's filter bar: a filled section (with presets), document values and a year range — all in the URL. */
export function MapFilters({
  filters,
  options,
  data,
  setParam,
  onClear,
}: {
  filters: Filters;
  options: FilterOptions;
  data: PortalData;
  setParam: (changes: Record<string, string>, opts?: { push?: boolean }) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const stateSections = options.sections
    .filter((s) => s.template === data.profileTemplates.state)
    .map((s) => s.property);
  const presets = PRESETS.map((preset) => ({
    key: preset.key,
    property: stateSections.find((p) => preset.match.test(p.label) || preset.match.test(p.name)),
  })).filter((p) => p.property);
  // The map offers the document type only; browse offers every document facet.
  const mapDocumentSelects = options.documentSelects.filter((p) => p.name === 'documentType').slice(0, 1);
  if (mapDocumentSelects.length === 0 && options.documentSelects[0])
    mapDocumentSelects.push(options.documentSelects[0]);
  const thesaurus = (name: string | undefined) => data.thesauri.find((x) => x.name === name);

  return (
    <search className="mapfilters" aria-label={t('map.filtersLabel')}>
      <div className="mapfilters__presets">
        {presets.map(({ key, property }) => (
          <button
            key={key}
            type="button"
            className="btn btn--small"
            aria-pressed={filters.has === property?.name}
            onClick={() =>
              setParam({ has: filters.has === property?.name ? '' : (property?.name ?? '') }, { push: true })
            }
          >
            {t(key)}
          </button>
        ))}
      </div>
      <div className="mapfilters__fields">
        <label className="field">
          <span>{t('map.hasSection')}</span>
          <select value={filters.has} onChange={(e) => setParam({ has: e.target.value }, { push: true })}>
            <option value="">{t('filters.any')}</option>
            {stateSections.map((p) => (
              <option key={p.name} value={p.name}>
                <Shown of={p} field="label" />
              </option>
            ))}
          </select>
        </label>
        {mapDocumentSelects.map((p) => (
          <label key={p.name} className="field">
            <span>{t('filters.documentProperty', { label: p.label })}</span>
            <select
              value={filters.document[p.name] ?? ''}
              onChange={(e) => setParam({ [`d.${p.name}`]: e.target.value }, { push: true })}
            >
              <option value="">{t('filters.any')}</option>
              {thesaurus(p.thesaurus)?.values.map((v) => (
                <option key={v.id} value={v.id}>
                  <Shown of={v} field="label" mark={false} />
                </option>
              ))}
            </select>
          </label>
        ))}
        {options.documentDate && (
          <fieldset className="mapfilters__years">
            <legend>{t('filters.years')}</legend>
            <YearInput
              label={t('filters.from')}
              value={filters.from}
              onCommit={(v) => setParam({ from: v })}
            />
            <YearInput label={t('filters.to')} value={filters.to} onCommit={(v) => setParam({ to: v })} />
          </fieldset>
        )}
        <button type="button" className="btn btn--small mapfilters__clear" onClick={onClear}>
          {t('filters.clear')}
        </button>
      </div>
    </search>
  );
}
