import { useTranslation } from 'react-i18next';
import { isUiLanguage, LANGUAGE_INFO, type UiLanguage } from '../../../domain/languages.ts';
import { localLabel } from '../../../domain/localize.ts';
import type { Template, Thesaurus } from '../../../domain/schemas/index.ts';
import { isolate } from '../../lib/isolate.ts';
import type { PickableFile } from './fields/MediaField.tsx';
import { PropertyField } from './fields/PropertyField.tsx';
import { completeness, type FormState, fieldKey, isTranslatable, valueIn, withValue } from './formModel.ts';
import { LanguageTabs } from './LanguageTabs.tsx';

/** Every property in template order, grouped by section heading ("" for the properties outside sections). */
function groups(template: Template) {
  const out: { heading: string; properties: Template['properties'] }[] = [];
  for (const p of template.properties) {
    const heading = p.section ?? '';
    const g = out.find((x) => x.heading === heading);
    if (g) g.properties.push(p);
    else out.push({ heading, properties: [p] });
  }
  return out;
}

const dirOf = (lang: string) => (isUiLanguage(lang) ? LANGUAGE_INFO[lang].dir : 'ltr');
const preview = (v: unknown) => {
  if (typeof v === 'string') return v.length > 140 ? `${v.slice(0, 140)}…` : v;
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' && x ? (x as { url?: string }).url : String(x))).join(', ');
  return '';
};

/**
 * The fields of one template, in its sections: the title and the texts in the language of the tab, the shared
 * values once. Purely the form; saving and loading are the page's.
 */
export function EntityForm({
  template,
  form,
  onForm,
  lang,
  onLang,
  errors,
  thesauri,
  titles,
  onTitle,
  canPublish,
  files,
}: {
  template: Template;
  form: FormState;
  onForm: (f: FormState) => void;
  lang: UiLanguage;
  onLang: (l: UiLanguage) => void;
  errors: Map<string, string[]>;
  thesauri: Map<string, Thesaurus>;
  titles: Map<string, string>;
  onTitle: (id: string, title: string) => void;
  canPublish: boolean;
  /** The entry's files, offered by media and image fields. */
  files?: PickableFile[];
}) {
  const { t, i18n } = useTranslation();
  const own = lang === form.language;
  const counts = Object.fromEntries(
    (['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const).map((l) => [l, completeness(form, template, l)]),
  );
  const ownName = isUiLanguage(form.language) ? LANGUAGE_INFO[form.language].name : form.language;
  const note = (name: string) => {
    if (own) return undefined;
    const v = preview(valueIn(form, form.language, name));
    return v ? t('editor.inOwnLanguage', { language: ownName, text: isolate(v) }) : undefined;
  };
  const titleKey = fieldKey(lang, form, 'title');
  const titleErrors = errors.get(titleKey) ?? [];
  const sectionLabel = (heading: string) =>
    localLabel(heading, template.sectionLabels?.[heading], i18n.language).text;
  return (
    <>
      <LanguageTabs
        current={lang}
        own={form.language}
        panelId="editor-panel"
        counts={counts}
        onPick={onLang}
      />
      <div id="editor-panel" role="tabpanel" aria-labelledby={`elang-${lang}`} className="eform__panel">
        {!own && <p className="efield__hint">{t('editor.sharedNote')}</p>}
        <div className="efield" data-field="title" data-invalid={titleErrors.length > 0}>
          <label className="efield__label" htmlFor="field-title">
            {t('editor.titleField')}
            {own && <span className="efield__required"> {t('editor.required')}</span>}
          </label>
          {note('title') && (
            <p id="field-title-note" className="efield__note">
              {note('title')}
            </p>
          )}
          <input
            id="field-title"
            className="efield__input efield__input--title"
            lang={lang}
            dir={dirOf(lang)}
            aria-required={own || undefined}
            aria-invalid={titleErrors.length > 0 || undefined}
            aria-describedby={
              [note('title') && 'field-title-note', titleErrors.length && 'field-title-errors']
                .filter(Boolean)
                .join(' ') || undefined
            }
            value={(valueIn(form, lang, 'title') as string | undefined) ?? ''}
            onChange={(e) => onForm(withValue(form, lang, 'title', e.target.value))}
          />
          {titleErrors.length > 0 && (
            <ul id="field-title-errors" className="efield__errors">
              {titleErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
        {groups(template).map((group) => (
          <fieldset key={group.heading || '-'} className="eform__section">
            {group.heading && <legend className="eform__section-title">{sectionLabel(group.heading)}</legend>}
            {group.properties.map((p) => {
              const translatable = isTranslatable(p);
              const where = translatable ? lang : form.language;
              return (
                <PropertyField
                  key={`${p.name}-${translatable ? lang : ''}`}
                  property={p}
                  value={valueIn(form, where, p.name)}
                  onChange={(v) => onForm(withValue(form, where, p.name, v))}
                  errors={errors.get(fieldKey(where, form, p.name)) ?? []}
                  thesauri={thesauri}
                  titles={titles}
                  onTitle={onTitle}
                  lang={translatable ? lang : undefined}
                  dir={translatable ? dirOf(lang) : undefined}
                  translationNote={translatable ? note(p.name) : undefined}
                  files={files}
                />
              );
            })}
          </fieldset>
        ))}
        {canPublish && (
          <div className="efield efield--check">
            <input
              id="field-published"
              type="checkbox"
              checked={form.published}
              onChange={(e) => onForm({ ...form, published: e.target.checked })}
            />
            <label htmlFor="field-published">{t('editor.published')}</label>
          </div>
        )}
      </div>
    </>
  );
}
