import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isUiLanguage, LANGUAGE_INFO } from '../../../domain/languages.ts';
import type { Entity, Template } from '../../../domain/schemas/index.ts';
import { useEntityView, useTemplates, useThesauri } from '../../api/hooks.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { isolate } from '../../lib/isolate.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { fieldName } from './fieldName.ts';
import type { PickableFile } from './fields/MediaField.tsx';
import { PropertyField } from './fields/PropertyField.tsx';
import {
  buildPatch,
  type FormState,
  fieldKey,
  formOf,
  isEmptyPatch,
  isTranslatable,
  valueIn,
  withValue,
} from './formModel.ts';
import { LeaveGuard } from './LeaveGuard.tsx';
import { useEditorActions } from './useEditorActions.ts';
import './Editor.css';

/**
 * One profile section edited where it is read: the editor's own field for that property (the same component,
 * the same merge patch with the version it was opened at, the same 409 side-by-side and toast with Undo), with
 * Save and Cancel. The entity is the stored one, never the profile's display copy (which falls back between
 * languages); a translatable value is written in the language the profile is read in.
 */
export default function SectionEditor({
  entityId,
  property,
  language,
  onDirty,
  onClose,
}: {
  entityId: string;
  property: string;
  /** The language the profile is read in: a translatable field is written in it. */
  language: string;
  /** Told whenever the section's unsaved state changes (false again once the editor closes). */
  onDirty?: (dirty: boolean) => void;
  onClose: (saved: boolean) => void;
}) {
  const view = useEntityView(entityId);
  const templates = useTemplates();
  const template = templates.data?.find((x) => x.name === view.data?.entity.template);
  const error = view.error ?? templates.error;
  if (error) return <ErrorPanel error={error} />;
  if (!view.data || !template) return <Loading />;
  const titles = new Map(Object.values(view.data.related).map((r) => [r.id, r.title]));
  return (
    <SectionForm
      entity={view.data.entity}
      template={template}
      name={property}
      language={language}
      relatedTitles={titles}
      files={view.data.files}
      onDirty={onDirty}
      onClose={onClose}
    />
  );
}

function SectionForm({
  entity,
  template,
  name,
  language,
  relatedTitles,
  files,
  onDirty,
  onClose,
}: {
  entity: Entity;
  template: Template;
  name: string;
  language: string;
  relatedTitles: Map<string, string>;
  /** The entry's files, which a media or image field offers to pick from (as the full editor does). */
  files: PickableFile[];
  onDirty?: (dirty: boolean) => void;
  onClose: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const thesauri = useThesauri();
  const thesaurusMap = useMemo(() => new Map((thesauri.data ?? []).map((x) => [x.name, x])), [thesauri.data]);
  // The version the edit started from: the patch is computed against it and sent with its version.
  const [base, setBase] = useState<Entity>(entity);
  const [form, setForm] = useState<FormState>(() => formOf(entity));
  const [titles, setTitles] = useState(relatedTitles);
  const summary = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLFormElement>(null);
  const closing = useRef(false);
  const property = template.properties.find((p) => p.name === name);
  const { save, busy, outcome, clearConflict, leaving } = useEditorActions({
    template,
    base,
    hasFiles: false,
    onSaved: () => {
      closing.current = true;
      onClose(true);
    },
  });
  const dirty = !isEmptyPatch(buildPatch(formOf(base), form));
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const onDirtyRef = useRef(onDirty);
  onDirtyRef.current = onDirty;
  useEffect(() => onDirtyRef.current?.(dirty), [dirty]);
  useEffect(() => () => onDirtyRef.current?.(false), []);

  // The field's own input takes the focus (not a Preview or Remove button before it), so typing starts at once.
  useEffect(() => {
    const own = box.current?.querySelector<HTMLElement>(`#field-${CSS.escape(name)}`);
    (own ?? box.current?.querySelector<HTMLElement>('input, textarea, select'))?.focus();
  }, [name]);
  useEffect(() => {
    if (outcome.message) summary.current?.focus();
  }, [outcome]);

  if (!property) return null;
  const translatable = isTranslatable(property);
  const where = translatable && language !== form.language ? language : form.language;
  const ownName = isUiLanguage(form.language) ? LANGUAGE_INFO[form.language].name : form.language;
  const own = valueIn(form, form.language, name);
  const note =
    where !== form.language && typeof own === 'string' && own
      ? t('editor.inOwnLanguage', {
          language: ownName,
          text: isolate(own.length > 140 ? `${own.slice(0, 140)}…` : own),
        })
      : undefined;
  const dir = isUiLanguage(where) ? LANGUAGE_INFO[where].dir : 'ltr';
  const submit = () => void save(form);
  const cancel = () => {
    closing.current = true;
    onClose(false);
  };
  // Errors of this section's field show under it; any other field's (a required one left empty elsewhere)
  // are listed in the summary, which leads to the full editor at that field.
  const ownKey = fieldKey(where, form, name);
  return (
    <form
      ref={box}
      className="eform esection"
      noValidate
      aria-label={t('editor.editSection', { name: property.label })}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          submit();
        } else if (e.key === 'Escape' && !dirty) {
          e.preventDefault();
          cancel();
        }
      }}
    >
      <LeaveGuard isDirty={() => dirtyRef.current && !leaving.current && !closing.current} dirty={dirty} />
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
            setBase(outcome.conflict!);
            setForm(formOf(outcome.conflict!));
            clearConflict();
          }}
        />
      )}
      <ErrorSummary
        ref={summary}
        message={outcome.message}
        errors={new Map([...outcome.errors].filter(([k]) => k !== ownKey))}
        nameOf={(field) => fieldName(field, template, t, i18n.language)}
        onGo={(field) => {
          const target = field === 'title' ? 'title' : field.split('.').pop();
          navigate(`/entities/${base.id}/edit#field-${target}`);
        }}
      />
      <PropertyField
        property={property}
        value={valueIn(form, where, name)}
        onChange={(v) => setForm((f) => withValue(f, where, name, v))}
        errors={outcome.errors.get(ownKey) ?? []}
        thesauri={thesaurusMap}
        titles={titles}
        onTitle={(rid, title) => setTitles((m) => new Map(m).set(rid, title))}
        lang={translatable ? where : undefined}
        dir={translatable ? dir : undefined}
        translationNote={note}
        files={files}
      />
      <div className="eform__actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
          {t('editor.save')}
        </button>
        <button type="button" className="btn btn--small" disabled={busy} onClick={cancel}>
          {t('editor.cancel')}
        </button>
        <Link className="esection__full" to={`/entities/${base.id}/edit#field-${name}`}>
          {t('editor.openFullEditor')}
        </Link>
        <span className="eform__status" aria-live="polite">
          {busy ? t('editor.saving') : dirty ? t('editor.unsaved') : ''}
        </span>
      </div>
    </form>
  );
}
