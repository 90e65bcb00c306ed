import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTemplates, useThesauri } from '../../../api/hooks.ts';
import { useSaveTemplate } from '../../../api/schema-admin.ts';
import { ErrorPanel } from '../../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts';
import '../schema/schema.css';
import { problemText } from '../problem.ts';
import { TemplateEditor } from './TemplateEditor.tsx';

/** `/admin/templates` and `/admin/templates/:name`: the templates, one template's properties, a new template. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.templates'));
  const { name } = useParams();
  const templates = useTemplates();
  const thesauri = useThesauri();
  const { refetch } = templates;
  // The app keeps templates for the session; an admin about to change them needs what is stored now.
  useEffect(() => {
    void refetch();
  }, [refetch]);
  if (templates.isLoading || thesauri.isLoading) return <Loading />;
  if (!templates.data || !thesauri.data) return <ErrorPanel error={templates.error ?? thesauri.error} />;
  const chosen = templates.data.find((x) => x.name === name);
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('settings.nav.templates')}</h2>
      <ul className="settings__chips">
        {templates.data.map((x) => (
          <li key={x.name}>
            <Link
              to={`/admin/templates/${encodeURIComponent(x.name)}`}
              aria-current={x.name === name ? 'page' : undefined}
            >
              {x.label}
            </Link>
          </li>
        ))}
      </ul>
      {chosen ? (
        <TemplateEditor
          key={chosen.name}
          template={chosen}
          templates={templates.data}
          thesauri={thesauri.data}
        />
      ) : (
        <>
          <p className="muted">{t('settings.templates.choose')}</p>
          <NewTemplate />
        </>
      )}
    </section>
  );
}

/** A new template: a name (PascalCase, fixed once made) and a label; properties are added in the editor. */
function NewTemplate() {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const navigate = useNavigate();
  const [label, setLabel] = useState('');
  const name = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return (
    <form
      className="settings__add"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { input: { name, label, properties: [] }, isNew: true, confirm: false },
          { onSuccess: () => navigate(`/admin/templates/${encodeURIComponent(name)}`) },
        );
      }}
    >
      <h3>{t('settings.templates.new')}</h3>
      <label className="field">
        <span>{t('settings.templates.templateLabel')}</span>
        <input value={label} required onChange={(e) => setLabel(e.target.value)} />
      </label>
      <p className="muted">{t('settings.templates.newName', { name: name || '—' })}</p>
      <button type="submit" className="btn" disabled={save.isPending || !name}>
        {t('settings.templates.create')}
      </button>
      {save.error && (
        <p role="alert" className="settings__error">
          {problemText(save.error)}
        </p>
      )}
    </form>
  );
}
