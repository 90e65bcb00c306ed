import type { TFunction } from 'i18next';
import { localLabel } from '../../../domain/localize.ts';
import type { Template } from '../../../domain/schemas/index.ts';

/** A field named in the API's path words (`translations.fr.metadata.summary`) as a person reads it: "Summary (fr)". */
export function fieldName(field: string, template: Template, t: TFunction, lang: string): string {
  const parts = field.split('.');
  const label = (name: string | undefined) => {
    const p = template.properties.find((x) => x.name === name);
    return p ? localLabel(p.label, p.labels, lang).text : (name ?? field);
  };
  if (field === 'title') return t('editor.titleField');
  if (field === 'published') return t('editor.published');
  if (parts[0] === 'metadata') return label(parts[1]);
  if (parts[0] === 'translations') {
    const base = parts[2] === 'title' ? t('editor.titleField') : label(parts[3]);
    return `${base} (${parts[1]})`;
  }
  return field;
}
