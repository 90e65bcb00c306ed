import { useTranslation } from 'react-i18next';
import {
  PROPERTY_TYPES,
  type Property,
  type PropertyType,
  type Template,
  type Thesaurus,
} from '../../../../domain/schemas/index.ts';
import { LabelsFields } from '../schema/LabelsFields.tsx';

/** A property as the editor holds it: `isNew` until saved (only then may its name, its metadata key, change). */
export type DraftProperty = Property & {
  isNew?: boolean;
  /** A stable React key (the name may still change while new). */
  key: string;
  /** The name follows the label until the admin types one. */
  autoName?: boolean;
};

/** A camelCase name from a label (letters and digits of its ASCII part), unique among `taken`. */
export function nameFromLabel(label: string, taken: Set<string>): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
    .slice(0, 60);
  if (!/^[a-z]/.test(base)) base = `property${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  return name;
}

/** One property of the template being edited: its labels, type and what it is bound to, its flags. */
export function PropertyEditor({
  property: p,
  index,
  count,
  thesauri,
  templates,
  errors,
  onChange,
  onMove,
  onDelete,
}: {
  property: DraftProperty;
  index: number;
  count: number;
  thesauri: Thesaurus[];
  templates: Template[];
  errors: string[];
  onChange: (p: DraftProperty) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const id = `prop-${p.key}`;
  const set = (change: Partial<DraftProperty>) => onChange({ ...p, ...change });
  const setType = (type: PropertyType) =>
    set({
      type,
      thesaurus: type === 'select' || type === 'multiselect' ? (p.thesaurus ?? thesauri[0]?.name) : undefined,
      targetTemplate: type === 'relationship' ? (p.targetTemplate ?? templates[0]?.name) : undefined,
    });
  return (
    <li className="panel settings__property" aria-labelledby={`${id}-title`}>
      <div className="settings__property-head">
        <h4 id={`${id}-title`}>
          {p.label || t('settings.templates.untitled')} <code className="muted">{p.name}</code>
        </h4>
        <div className="settings__row">
          <button
            type="button"
            className="btn btn--small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('settings.templates.moveUp', { name: p.label })}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('settings.templates.moveDown', { name: p.label })}
          >
            ↓
          </button>
          <button type="button" className="btn btn--small" onClick={onDelete}>
            {t('settings.templates.deleteProperty', { name: p.label })}
          </button>
        </div>
      </div>
      <div className="settings__property-fields">
        <label className="field">
          <span>{t('settings.templates.label')}</span>
          <input
            id={`${id}-label`}
            value={p.label}
            required
            onChange={(e) => set({ label: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('settings.templates.name')}</span>
          <input
            value={p.name}
            readOnly={!p.isNew}
            aria-describedby={`${id}-name-help`}
            onChange={(e) => set({ name: e.target.value, autoName: false })}
          />
          <small id={`${id}-name-help`} className="muted">
            {p.isNew ? t('settings.templates.nameHelpNew') : t('settings.templates.nameHelp')}
          </small>
        </label>
        <label className="field">
          <span>{t('settings.templates.type')}</span>
          <select value={p.type} onChange={(e) => setType(e.target.value as PropertyType)}>
            {PROPERTY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`settings.templates.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {(p.type === 'select' || p.type === 'multiselect') && (
          <label className="field">
            <span>{t('settings.templates.thesaurus')}</span>
            <select value={p.thesaurus ?? ''} onChange={(e) => set({ thesaurus: e.target.value })}>
              {thesauri.map((th) => (
                <option key={th.name} value={th.name}>
                  {th.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {p.type === 'relationship' && (
          <label className="field">
            <span>{t('settings.templates.targetTemplate')}</span>
            <select value={p.targetTemplate ?? ''} onChange={(e) => set({ targetTemplate: e.target.value })}>
              {templates.map((tp) => (
                <option key={tp.name} value={tp.name}>
                  {tp.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('settings.templates.section')}</span>
          <input value={p.section ?? ''} onChange={(e) => set({ section: e.target.value || undefined })} />
        </label>
      </div>
      <div className="settings__row">
        {(['required', 'filterable', 'showInCard'] as const).map((flag) => (
          <label key={flag} className="settings__check">
            <input type="checkbox" checked={p[flag]} onChange={(e) => set({ [flag]: e.target.checked })} />{' '}
            {t(`settings.templates.flags.${flag}`)}
          </label>
        ))}
      </div>
      <details className="settings__property-langs">
        <summary>{t('settings.templates.labelsInLanguages')}</summary>
        <LabelsFields
          legend={t('settings.templates.labelsOf', { name: p.label })}
          labels={p.labels}
          placeholder={p.label}
          onChange={(labels) => set({ labels })}
        />
      </details>
      {errors.length > 0 && (
        <ul className="settings__error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
