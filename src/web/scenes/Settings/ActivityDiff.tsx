import { useTranslation } from 'react-i18next';
import { isUiLanguage, LANGUAGE_INFO } from '../../../domain/languages.ts';
import type { EntityChange } from '../../../domain/schemas/index.ts';

/** `translations.fr.title` → field `title` in French; other fields as they are (`metadata.status`). */
function fieldOf(path: string): { field: string; language: string | null } {
  const m = /^translations\.([a-z]{2})(?:\.(.+))?$/.exec(path);
  if (m && isUiLanguage(m[1]!)) return { field: m[2] ?? 'translations', language: LANGUAGE_INFO[m[1]!].name };
  return { field: path, language: null };
}

/** A stored value as text: strings as they are, anything else (lists, links, numbers) as compact JSON. */
const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One entry's field-level diff: a row per field, before → after, translated values named by language. */
export function ActivityDiff({ changes }: { changes: EntityChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted">{t('settings.activity.noChanges')}</p>;
  return (
    <table className="settings__table settings__diff">
      <caption>{t('settings.activity.diffCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('settings.activity.field')}</th>
          <th scope="col">{t('settings.activity.before')}</th>
          <th scope="col">{t('settings.activity.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => {
          const { field, language } = fieldOf(c.field);
          return (
            <tr key={c.field}>
              <th scope="row">
                <code>{field}</code>
                {language && <span className="settings__lang">{language}</span>}
              </th>
              <td className="settings__before">
                {'before' in c && c.before !== undefined ? (
                  <del>{show(c.before)}</del>
                ) : (
                  <span className="muted">{t('settings.activity.absent')}</span>
                )}
              </td>
              <td className="settings__after">
                {'after' in c && c.after !== undefined ? (
                  <ins>{show(c.after)}</ins>
                ) : (
                  <span className="muted">{t('settings.activity.absent')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
