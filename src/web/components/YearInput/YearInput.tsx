import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A year field that writes to the URL only once it holds four digits (or is cleared), so typing is smooth. */
export function YearInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | null;
  onCommit: (year: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        pattern="[0-9]{4}"
        maxLength={4}
        size={5}
        placeholder={t('filters.yearPlaceholder')}
        value={text}
        onChange={(e) => {
          const next = e.target.value.replace(/\D/g, '');
          setText(next);
          if (next.length === 4 || next === '') onCommit(next);
        }}
      />
    </label>
  );
}
