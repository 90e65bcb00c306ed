import { useTranslation } from 'react-i18next';
import { DateField, DateRangeField } from './TextFields.tsx';
import type { FieldProps } from './types.ts';

/**
 * Rows of one field each, in the order they were entered (Uwazi's multidate and multidaterange keep that
 * order): "Add" appends an empty row, each row can be removed. A row left empty is no value, so an emptied
 * list is sent as no value at all.
 */
function RowList<T>({
  p,
  empty,
  isBlank,
  row,
  addLabel,
  removeLabel,
}: {
  p: FieldProps;
  empty: T;
  isBlank: (x: T) => boolean;
  row: (value: T, id: string, set: (x: T) => void) => React.ReactNode;
  addLabel: string;
  removeLabel: (n: number) => string;
}) {
  const { t } = useTranslation();
  const rows = Array.isArray(p.value) ? (p.value as T[]) : [];
  const set = (next: T[]) => p.onChange(next.length ? next : undefined);
  return (
    <div className="emulti">
      {rows.map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; the position is the row
        <div key={i} className="efield__row emulti__row">
          {row(value, i === 0 ? p.id : `${p.id}-${i}`, (x) => set(rows.map((old, j) => (j === i ? x : old))))}
          <button
            type="button"
            className="btn btn--small emulti__remove"
            aria-label={removeLabel(i + 1)}
            onClick={() => set(rows.filter((_, j) => j !== i))}
          >
            {t('editor.removeShort')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small"
        id={rows.length === 0 ? p.id : undefined}
        // A blank last row is reused rather than piling up empty ones.
        onClick={() => (rows.length && isBlank(rows[rows.length - 1]!) ? undefined : set([...rows, empty]))}
      >
        {addLabel}
      </button>
    </div>
  );
}

/** Several dates (YYYY, YYYY-MM or YYYY-MM-DD each). */
export function MultiDateField(p: FieldProps) {
  const { t } = useTranslation();
  return (
    <RowList<string>
      p={p}
      empty=""
      isBlank={(x) => !x}
      addLabel={t('editor.addDate')}
      removeLabel={(n) => t('editor.removeDate', { n })}
      row={(value, id, set) => (
        <DateField
          {...p}
          id={id}
          value={value}
          onChange={(x) => set(typeof x === 'string' ? x : '')}
          label={p.label}
        />
      )}
    />
  );
}

type Range = { from?: string; to?: string };

/** Several date ranges (each with a start, an end or both). */
export function MultiDateRangeField(p: FieldProps) {
  const { t } = useTranslation();
  return (
    <RowList<Range>
      p={p}
      empty={{}}
      isBlank={(x) => !x.from && !x.to}
      addLabel={t('editor.addDateRange')}
      removeLabel={(n) => t('editor.removeDateRange', { n })}
      row={(value, id, set) => (
        <DateRangeField {...p} id={id} value={value} onChange={(x) => set((x ?? {}) as Range)} />
      )}
    />
  );
}
