import { useTranslation } from 'react-i18next';
import { COMPLETENESS_COLOURS, MATCH_COLOUR, NO_MATCH_COLOUR } from './mapColours.ts';

const BUCKET_KEYS = ['map.bucket0', 'map.bucket1', 'map.bucket2', 'map.bucket3', 'map.bucket4'] as const;

/** The key to the map's colours. */
export function MapLegend({ isFiltering }: { isFiltering: boolean }) {
  const { t } = useTranslation();
  const entries = isFiltering
    ? [
        { colour: MATCH_COLOUR, label: t('map.legendMatch') },
        { colour: NO_MATCH_COLOUR, label: t('map.legendNoMatch') },
      ]
    : BUCKET_KEYS.map((key, i) => ({ colour: COMPLETENESS_COLOURS[i] ?? '', label: t(key) }));
  return (
    <div className="legend">
      <span className="legend__title">
        {isFiltering ? t('map.legendFilter') : t('map.legendCompleteness')}
      </span>
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <span className="legend__swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
