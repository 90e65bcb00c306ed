import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../components/Markdown/Markdown.tsx';
import { newGeneratedId } from '../formModel.ts';
import type { FieldProps } from './types.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const common = (p: FieldProps) => ({
  id: p.id,
  'aria-describedby': p.describedBy,
  'aria-invalid': p.invalid || undefined,
  'aria-required': p.required || undefined,
  lang: p.lang,
  dir: p.dir,
});

export function TextField(p: FieldProps) {
  return (
    <input
      {...common(p)}
      className="efield__input"
      type="text"
      value={str(p.value)}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
}

/** Markdown with a preview through the same renderer readers get, so what is previewed is what is published. */
export function MarkdownField(p: FieldProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  return (
    <div className="emarkdown">
      <button
        type="button"
        className="btn btn--small emarkdown__toggle"
        aria-pressed={preview}
        aria-controls={`${p.id}-area`}
        onClick={() => setPreview((x) => !x)}
      >
        {t('editor.preview')}
      </button>
      <div id={`${p.id}-area`}>
        {preview ? (
          <div className="emarkdown__preview" lang={p.lang} dir={p.dir}>
            {str(p.value).trim() ? (
              <Markdown source={str(p.value)} />
            ) : (
              <p className="muted">{t('editor.nothingToPreview')}</p>
            )}
          </div>
        ) : (
          <textarea
            {...common(p)}
            className="efield__input efield__textarea"
            rows={8}
            value={str(p.value)}
            onChange={(e) => p.onChange(e.target.value)}
          />
        )}
      </div>
    </div>
  );
}

/** A number typed freely; what does not parse stays in the box and is sent as typed, so the server names it. */
export function NumberField(p: FieldProps) {
  const [text, setText] = useState(p.value === undefined || p.value === null ? '' : String(p.value));
  return (
    <input
      {...common(p)}
      className="efield__input efield__input--short"
      type="text"
      inputMode="decimal"
      value={typeof p.value === 'number' && Number(text) !== p.value ? String(p.value) : text}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const n = Number(raw.replace(',', '.'));
        p.onChange(raw.trim() === '' ? undefined : Number.isFinite(n) ? n : raw);
      }}
    />
  );
}

/** A year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD), as the portal dates documents. */
export function DateField(p: FieldProps & { placeholderKey?: string }) {
  const { t } = useTranslation();
  return (
    <input
      {...common(p)}
      className="efield__input efield__input--short"
      type="text"
      inputMode="numeric"
      dir="ltr"
      placeholder={t('editor.datePlaceholder')}
      value={str(p.value)}
      onChange={(e) => p.onChange(e.target.value.trim() || undefined)}
    />
  );
}

export function DateRangeField(p: FieldProps) {
  const { t } = useTranslation();
  const v = (p.value ?? {}) as { from?: string; to?: string };
  const set = (k: 'from' | 'to', x: unknown) => {
    const next = { ...v, [k]: x || undefined };
    p.onChange(next.from || next.to ? next : undefined);
  };
  return (
    <div className="efield__row">
      <label className="efield__sub" htmlFor={p.id}>
        <span>{t('editor.from')}</span>
        <DateField {...p} id={p.id} value={v.from} onChange={(x) => set('from', x)} />
      </label>
      <label className="efield__sub" htmlFor={`${p.id}-to`}>
        <span>{t('editor.to')}</span>
        <DateField {...p} id={`${p.id}-to`} value={v.to} onChange={(x) => set('to', x)} />
      </label>
    </div>
  );
}

export function GeolocationField(p: FieldProps) {
  const { t } = useTranslation();
  const v = (p.value ?? {}) as { lat?: number; lon?: number; label?: string };
  const set = (k: 'lat' | 'lon' | 'label', x: unknown) => {
    const next = { ...v, [k]: x };
    const empty = next.lat === undefined && next.lon === undefined && !next.label;
    p.onChange(empty ? undefined : next);
  };
  return (
    <div className="efield__row">
      <label className="efield__sub" htmlFor={p.id}>
        <span>{t('editor.latitude')}</span>
        <NumberField {...p} id={p.id} value={v.lat} onChange={(x) => set('lat', x)} />
      </label>
      <label className="efield__sub" htmlFor={`${p.id}-lon`}>
        <span>{t('editor.longitude')}</span>
        <NumberField {...p} id={`${p.id}-lon`} value={v.lon} onChange={(x) => set('lon', x)} />
      </label>
      <label className="efield__sub efield__sub--wide" htmlFor={`${p.id}-label`}>
        <span>{t('editor.placeName')}</span>
        <TextField
          {...p}
          id={`${p.id}-label`}
          value={v.label}
          onChange={(x) => set('label', str(x) || undefined)}
        />
      </label>
    </div>
  );
}

type Link = { label: string; url: string };

/** Links as rows of label and address; "Add link" appends one, each row can be removed. */
export function LinkField(p: FieldProps) {
  const { t } = useTranslation();
  const links = Array.isArray(p.value) ? (p.value as Link[]) : [];
  const set = (next: Link[]) => p.onChange(next.length ? next : undefined);
  return (
    <div className="elinks">
      {links.map((link, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; the position is the row
        <div key={i} className="efield__row elinks__row">
          <label className="efield__sub efield__sub--wide">
            <span>{t('editor.linkLabel')}</span>
            <input
              {...common(p)}
              id={i === 0 ? p.id : `${p.id}-${i}`}
              className="efield__input"
              value={link.label}
              onChange={(e) => set(links.map((l, j) => (j === i ? { ...l, label: e.target.value } : l)))}
            />
          </label>
          <label className="efield__sub efield__sub--wide">
            <span>{t('editor.linkUrl')}</span>
            <input
              {...common(p)}
              id={`${p.id}-${i}-url`}
              className="efield__input"
              type="url"
              dir="ltr"
              value={link.url}
              onChange={(e) => set(links.map((l, j) => (j === i ? { ...l, url: e.target.value.trim() } : l)))}
            />
          </label>
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('editor.removeLink', { n: i + 1 })}
            onClick={() => set(links.filter((_, j) => j !== i))}
          >
            {t('editor.removeShort')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small"
        id={links.length === 0 ? p.id : undefined}
        onClick={() => set([...links, { label: '', url: '' }])}
      >
        {t('editor.addLink')}
      </button>
    </div>
  );
}

/** An id the portal makes up once (a reference number): read-only, with a button to make a new one. */
export function GeneratedIdField(p: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className="efield__row">
      <input
        {...common(p)}
        className="efield__input efield__input--short"
        readOnly
        dir="ltr"
        value={str(p.value)}
      />
      <button type="button" className="btn btn--small" onClick={() => p.onChange(newGeneratedId())}>
        {t('editor.generate')}
      </button>
    </div>
  );
}
