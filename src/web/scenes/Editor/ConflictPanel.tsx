import { useTranslation } from 'react-i18next';
import type { Template } from '../../../domain/schemas/index.ts';
import { fieldName } from './fieldName.ts';
import { changedFields, type FormState, valueAt } from './formModel.ts';

const show = (v: unknown): string => {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

/**
 * Someone saved this entity after it was opened (409): every field where the saved version and this one differ,
 * side by side, and the two ways on — keep mine (saved over theirs, based on their version) or take theirs.
 */
export function ConflictPanel({
  mine,
  theirs,
  template,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: FormState;
  theirs: FormState;
  template: Template;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, i18n } = useTranslation();
  const name = (field: string) => fieldName(field, template, t, i18n.language);
  const fields = changedFields(theirs, mine);
  return (
    <section className="econflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('editor.conflictTitle')}</h2>
      <p>{t('editor.conflictText')}</p>
      <table className="econflict__table">
        <thead>
          <tr>
            <th scope="col">{t('editor.field')}</th>
            <th scope="col">{t('editor.yourVersion')}</th>
            <th scope="col">{t('editor.savedVersion')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row">{name(f)}</th>
              <td>{show(valueAt(mine, f))}</td>
              <td>{show(valueAt(theirs, f))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="eform__actions">
        <button type="button" className="btn btn--primary" onClick={onKeepMine}>
          {t('editor.keepMine')}
        </button>
        <button type="button" className="btn" onClick={onTakeTheirs}>
          {t('editor.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
