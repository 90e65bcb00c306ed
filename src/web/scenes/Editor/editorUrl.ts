import { isUiLanguage, type UiLanguage } from '../../../domain/languages.ts';

/**
 * The editor of an entity with the tab of `lang` open (`?lang=fr`) and, when given, focus on a field
 * (`#field-summary`): the address a "Translate" link hands to a translator, and the one the editor keeps
 * up to date as tabs change, so a copied address opens the same tab.
 */
export function editorHref(id: string, opts: { lang?: UiLanguage; field?: string } = {}): string {
  const query = opts.lang ? `?lang=${opts.lang}` : '';
  // The anchor of PropertyField's fieldAnchor (`field-<name>`, `field-title` for the title).
  const hash = opts.field ? `#field-${encodeURIComponent(opts.field)}` : '';
  return `/entities/${encodeURIComponent(id)}/edit${query}${hash}`;
}

/** The tab an editor address asks for (`?lang=`), else the entity's own language, else English. */
export function tabLanguage(params: URLSearchParams, own: string | undefined): UiLanguage {
  const asked = params.get('lang');
  if (isUiLanguage(asked)) return asked;
  return isUiLanguage(own) ? own : 'en';
}
