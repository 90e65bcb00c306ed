import i18n from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteSettings } from '../../../domain/schemas/index.ts';
import { ApiError } from '../../api/client.ts';
import { useTemplates } from '../../api/hooks.ts';
import { useSaveSiteSettings, useSiteSettings } from '../../api/site.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { fieldErrorText } from '../../lib/problems.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { problemText } from './problem.ts';
import { SettingsField } from './SettingsField.tsx';
import './admin.css';

/** The API's field errors by field, to show each under its input. */
const errorsByField = (error: unknown) =>
  new Map(
    error instanceof ApiError
      ? (error.problem?.errors ?? []).map((e) => [e.path, fieldErrorText(e, i18n.t, i18n.language)] as const)
      : [],
  );

/**
 * `/admin/site` (admins): the site's name, contact address and footer text, which templates are the
 * State and Organisation profiles and the documents, and which State property the map draws by. Saved together; the header, footer and page titles follow at once.
 */
export default function SitePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.site'));
  const site = useSiteSettings();
  const templates = useTemplates();
  const save = useSaveSiteSettings();
  const [draft, setDraft] = useState<SiteSettings | null>(null);
  useEffect(() => {
    if (site.data && !draft) setDraft(site.data);
  }, [site.data, draft]);
  if (site.isLoading || templates.isLoading || (site.data && !draft)) return <Loading />;
  if (!draft || !templates.data) return <ErrorPanel error={site.error ?? templates.error} />;
  const errors = errorsByField(save.error);
  const set = (key: keyof SiteSettings) => (value: string) => {
    save.reset();
    const next = { ...draft, [key]: value };
    // Another State template: keep the map's property only when the new template has it too.
    if (key === 'stateTemplate' && !isoOptions(next.stateTemplate).includes(next.isoNumericProperty))
      next.isoNumericProperty = '';
    setDraft(next);
  };
  const isoOptions = (state: string) =>
    (templates.data?.find((x) => x.name === state)?.properties ?? [])
      .filter((p) => p.type === 'text' || p.type === 'number')
      .map((p) => p.name);
  const errorOf = (key: keyof SiteSettings) => errors.get(key);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  const text = (key: 'name' | 'contactEmail', type: string, extra: object = {}) => (
    <SettingsField id={`site-${key}`} label={t(`settings.site.${key}`)} error={errorOf(key)}>
      {(c) => (
        <input type={type} value={draft[key]} onChange={(e) => set(key)(e.target.value)} {...c} {...extra} />
      )}
    </SettingsField>
  );
  const template = (key: 'stateTemplate' | 'organisationTemplate' | 'documentTemplate', help?: string) => (
    <SettingsField id={`site-${key}`} label={t(`settings.site.${key}`)} error={errorOf(key)} help={help}>
      {(c) => (
        <select value={draft[key]} onChange={(e) => set(key)(e.target.value)} {...c}>
          {templates.data.map((x) => (
            <option key={x.name} value={x.name}>
              {x.label}
            </option>
          ))}
        </select>
      )}
    </SettingsField>
  );
  const state = templates.data.find((x) => x.name === draft.stateTemplate);
  const isoNames = isoOptions(draft.stateTemplate);
  // A stored name the State template no longer has stays visible, so the server's error has its value.
  if (draft.isoNumericProperty && !isoNames.includes(draft.isoNumericProperty))
    isoNames.push(draft.isoNumericProperty);
  return (
    <section aria-labelledby="site-title">
      <h2 id="site-title">{t('settings.nav.site')}</h2>
      <form className="panel settings__site" onSubmit={submit} noValidate>
        {text('name', 'text', { required: true, maxLength: 120 })}
        {text('contactEmail', 'email', { autoComplete: 'email' })}
        <label className="field settings__wide">
          <span>{t('settings.site.footerText')}</span>
          <textarea
            rows={3}
            maxLength={2000}
            value={draft.footerText}
            onChange={(e) => set('footerText')(e.target.value)}
          />
          <span className="muted">{t('settings.site.footerHelp')}</span>
        </label>
        {template('stateTemplate')}
        {template('organisationTemplate')}
        {template('documentTemplate', t('settings.site.documentHelp'))}
        <SettingsField
          id="site-isoNumericProperty"
          label={t('settings.site.isoNumericProperty')}
          error={errorOf('isoNumericProperty')}
          help={t('settings.site.isoHelp')}
        >
          {(c) => (
            <select
              value={draft.isoNumericProperty}
              onChange={(e) => set('isoNumericProperty')(e.target.value)}
              {...c}
            >
              <option value="">{t('settings.site.isoNone')}</option>
              {isoNames.map((name) => (
                <option key={name} value={name}>
                  {state?.properties.find((p) => p.name === name)?.label ?? name}
                </option>
              ))}
            </select>
          )}
        </SettingsField>
        <div className="settings__row settings__wide">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('settings.site.save')}
          </button>
          {save.isSuccess && (
            <span role="status" className="settings__ok">
              {t('settings.site.saved')}
            </span>
          )}
          {save.error && !errors.size && (
            <span role="alert" className="settings__error">
              {problemText(save.error)}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
