import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isUiLanguage, type UiLanguage } from '../../../domain/languages.ts';
import { localLabel } from '../../../domain/localize.ts';
import type { Entity, FileRecord, Template } from '../../../domain/schemas/index.ts';
import { useEntityView, useTemplates, useThesauri } from '../../api/hooks.ts';
import { useCan } from '../../api/session.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { DeleteButton } from './DeleteButton.tsx';
import { EntityForm } from './EntityForm.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { tabLanguage } from './editorUrl.ts';
import { fieldName } from './fieldName.ts';
import { FilesPanel } from './files/FilesPanel.tsx';
import {
  buildPatch,
  duplicateForm,
  emptyForm,
  type FormState,
  formOf,
  isEmptyPatch,
  newGeneratedId,
} from './formModel.ts';
import { LeaveGuard } from './LeaveGuard.tsx';
import { useEditorActions } from './useEditorActions.ts';
import './Editor.css';

/**
 * `/entities/:id/edit` and `/new/:template` (`?from=<id>` duplicates): the form generated from the entity's
 * template. Signed-in collaborators and up; the API refuses the rest anyway.
 */
export default function EditorPage() {
  const { t, i18n } = useTranslation();
  const { id, template: newTemplate } = useParams();
  const [params] = useSearchParams();
  const sourceId = id ?? params.get('from') ?? undefined;
  const canEdit = useCan('collaborator');
  const templates = useTemplates();
  const thesauri = useThesauri();
  const view = useEntityView(sourceId);
  const templateName = newTemplate ?? view.data?.entity.template;
  const template = templates.data?.find((x) => x.name === templateName);
  const ready = templates.data && thesauri.data && (!sourceId || view.data) && template;
  useDocumentTitle(
    id ? t('editor.editTitle', { title: view.data?.entity.title ?? '' }) : t('editor.newTitle'),
  );

  if (!canEdit)
    return (
      <div className="page">
        <h1>{t('editor.signInTitle')}</h1>
        <p>
          <Link
            to={`/signin?next=${encodeURIComponent(window.location.pathname.replace(/^\/[a-z]{2}/, ''))}`}
          >
            {t('editor.signIn')}
          </Link>
        </p>
      </div>
    );
  const error = templates.error ?? thesauri.error ?? view.error;
  if (error)
    return (
      <div className="page">
        <ErrorPanel error={error} />
      </div>
    );
  if (!ready)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const related = new Map(Object.values(view.data?.related ?? {}).map((r) => [r.id, r.title]));
  const initial = (() => {
    if (id && view.data) return formOf(view.data.entity);
    const copyTitle = (title: string) => t('editor.copyOf', { title });
    const base = view.data
      ? duplicateForm(formOf(view.data.entity), template, copyTitle)
      : emptyForm(isUiLanguage(i18n.language) ? i18n.language : 'en');
    for (const p of template.properties)
      if (p.type === 'generatedId' && base.metadata[p.name] === undefined)
        base.metadata[p.name] = newGeneratedId();
    return base;
  })();
  return (
    <Editor
      key={`${id ?? 'new'}-${view.data?.entity.id ?? ''}`}
      template={template}
      entity={id ? (view.data?.entity ?? null) : null}
      initial={initial}
      relatedTitles={related}
      files={id ? (view.data?.files ?? []) : []}
    />
  );
}

function Editor({
  template,
  entity,
  initial,
  relatedTitles,
  files,
}: {
  template: Template;
  entity: Entity | null;
  initial: FormState;
  relatedTitles: Map<string, string>;
  files: FileRecord[];
}) {
  const { t, i18n } = useTranslation();
  const thesauri = useThesauri();
  const canPublish = useCan('editor');
  const [base, setBase] = useState<Entity | null>(entity);
  const [form, setForm] = useState<FormState>(initial);
  // The tab is in the address (`?lang=fr`, replaced as tabs change): a "Translate" link opens the missing
  // language's tab, and a copied address opens the same tab.
  const [params, setParams] = useSearchParams();
  const [lang, setLangState] = useState<UiLanguage>(() => tabLanguage(params, initial.language));
  const setLang = (next: UiLanguage) => {
    setLangState(next);
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        out.set('lang', next);
        return out;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  const [titles, setTitles] = useState(relatedTitles);
  const summary = useRef<HTMLDivElement>(null);
  const thesaurusMap = useMemo(() => new Map((thesauri.data ?? []).map((x) => [x.name, x])), [thesauri.data]);
  const { save, remove, busy, outcome, clearConflict, leaving } = useEditorActions({
    template,
    base,
    hasFiles: files.length > 0,
    onSaved: (saved) => {
      setBase(saved);
      setForm(formOf(saved));
    },
  });
  const dirty = !isEmptyPatch(buildPatch(base ? formOf(base) : initial, form));
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // Errors move focus to their summary, so a keyboard user hears them and can go to each field.
  useEffect(() => {
    if (outcome.message) summary.current?.focus();
  }, [outcome]);
  // A link from a profile section (`#field-status`) lands on that field.
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (target) document.getElementById(target)?.focus();
  }, []);

  const submit = () => void save(form);
  const templateLabel = localLabel(template.label, template.labels, i18n.language).text;
  return (
    <div className="page editor">
      <LeaveGuard isDirty={() => dirtyRef.current && !leaving.current} dirty={dirty} />
      <p className="editor__kicker">{templateLabel}</p>
      <h1>
        {base ? t('editor.editTitle', { title: base.title }) : t('editor.newOf', { template: templateLabel })}
      </h1>
      {base && (
        <p className="editor__meta">
          {!base.published && <span className="unpublished-mark">{t('editor.notPublished')}</span>}
          <Link to={`/entities/${base.id}`}>{t('editor.view')}</Link>
        </p>
      )}
      {outcome.conflict && (
        <ConflictPanel
          template={template}
          mine={form}
          theirs={formOf(outcome.conflict)}
          onKeepMine={() => {
            const current = outcome.conflict!;
            clearConflict();
            void save(form, current);
          }}
          onTakeTheirs={() => {
            setBase(outcome.conflict);
            setForm(formOf(outcome.conflict!));
            clearConflict();
          }}
        />
      )}
      <ErrorSummary
        ref={summary}
        message={outcome.message}
        errors={outcome.errors}
        nameOf={(field) => fieldName(field, template, t, i18n.language)}
        onGo={(field) => {
          const m = field.match(/^translations\.([a-z]{2})\./);
          if (m?.[1] && isUiLanguage(m[1])) setLang(m[1]);
          else setLang(isUiLanguage(form.language) ? form.language : 'en');
          const name = field === 'title' || field.endsWith('.title') ? 'title' : field.split('.').pop();
          requestAnimationFrame(() => document.getElementById(`field-${name}`)?.focus());
        }}
      />
      <form
        className="eform"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            submit();
          }
        }}
      >
        <EntityForm
          template={template}
          form={form}
          onForm={setForm}
          lang={lang}
          onLang={setLang}
          errors={outcome.errors}
          thesauri={thesaurusMap}
          titles={titles}
          onTitle={(rid, title) => setTitles((m) => new Map(m).set(rid, title))}
          canPublish={canPublish}
          files={files}
        />
        <div className="eform__actions eform__bar">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {base ? t('editor.save') : t('editor.create')}
          </button>
          {base && (
            <Link className="btn" to={`/new/${template.name}?from=${base.id}`}>
              {t('editor.duplicate')}
            </Link>
          )}
          {base && canPublish && (
            <DeleteButton title={base.title} disabled={busy} onConfirm={() => void remove()} />
          )}
          <span className="eform__status" aria-live="polite">
            {dirty ? t('editor.unsaved') : base ? t('editor.allSaved') : ''}
          </span>
        </div>
      </form>
      {base && <FilesPanel entityId={base.id} files={files} />}
    </div>
  );
}
