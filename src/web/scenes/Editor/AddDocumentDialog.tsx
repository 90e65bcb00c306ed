import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localLabel } from '../../../domain/localize.ts';
import type { Entity, Property, Template } from '../../../domain/schemas/index.ts';
import { ApiError, api } from '../../api/client.ts';
import { conflictOf, entityWritesApi } from '../../api/entities.ts';
import { useThesauri } from '../../api/hooks.ts';
import { useCan } from '../../api/session.ts';
import { fieldErrorText } from '../../lib/problems.ts';
import { relationIds } from '../../lib/templates.ts';
import { PropertyField } from './fields/PropertyField.tsx';
import { RelationshipField } from './fields/RelationshipField.tsx';
import { DropZone } from './files/DropZone.tsx';
import { UploadList } from './files/UploadList.tsx';
import { useUploads } from './files/useUploads.ts';
import './files/Files.css';
import { problemErrors } from './formModel.ts';
import './Editor.css';

/** The document properties the dialog asks for, when the Document template has them. */
const ASKED = ['documentType', 'date', 'status', 'sources', 'summary'];

/**
 * Adds `id` to a relationship value of `entityId` (a merge patch of that one key, with the version): on a 409
 * the list is taken again from the current entity, since adding to a list can be re-applied safely.
 */
async function addRelation(entityId: string, property: string, id: string): Promise<Entity> {
  let current = await api.entity(entityId);
  for (let attempt = 0; ; attempt++) {
    const ids = relationIds(current.metadata[property]);
    if (ids.includes(id)) return current;
    try {
      return await entityWritesApi.patch(entityId, {
        metadata: { [property]: [...ids, id] },
        version: current.version,
      });
    } catch (e) {
      const now = conflictOf(e);
      if (!now || attempt >= 2) throw e;
      current = now;
    }
  }
}

/**
 * "Add document" on a profile section: a new document (title, type, date, status, source link, summary, files)
 * or an existing one, put in the section and pointed back at the profile (the document's own relationship to
 * the profile's template), so it shows its state or organisation wherever it appears.
 */
export default function AddDocumentDialog({
  profile,
  profileTemplate,
  property,
  templates,
  documentTemplate,
  onClose,
}: {
  profile: Entity;
  profileTemplate: Template;
  property: Property;
  templates: Template[];
  /** The site settings' document template: what a section without a target template holds. */
  documentTemplate: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const canPublish = useCan('editor');
  const thesauri = useThesauri();
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [title, setTitle] = useState('');
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [published, setPublished] = useState(canPublish);
  const [existing, setExisting] = useState<string[]>([]);
  const [titles, setTitles] = useState(new Map<string, string>());
  const [errors, setErrors] = useState(new Map<string, string[]>());
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<Entity | null>(null);
  const uploads = useUploads();
  const docTemplate = templates.find((x) => x.name === (property.targetTemplate ?? documentTemplate));
  const asked = (docTemplate?.properties ?? []).filter((p) => ASKED.includes(p.name));
  // The document's relationship to profiles of this kind (Document.states for a State).
  const back = docTemplate?.properties.find(
    (p) => p.type === 'relationship' && p.targetTemplate === profileTemplate.name,
  );
  const thesaurusMap = useMemo(() => new Map((thesauri.data ?? []).map((x) => [x.name, x])), [thesauri.data]);
  const sectionName = localLabel(property.label, property.labels, i18n.language).text;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const close = () => {
    void client.invalidateQueries({ queryKey: ['entity-view'] });
    void client.invalidateQueries({ queryKey: ['search'] });
    dialog.current?.close();
    onClose();
  };

  const submit = async () => {
    setMessage(null);
    const missing = new Map<string, string[]>();
    if (mode === 'new') {
      if (!title.trim()) missing.set('title', [t('editor.requiredError')]);
      for (const p of docTemplate?.properties ?? [])
        if (p.required && (values[p.name] === undefined || values[p.name] === ''))
          missing.set(`metadata.${p.name}`, [t('editor.requiredError')]);
    } else if (!existing[0]) missing.set('existing', [t('editor.requiredError')]);
    setErrors(missing);
    if (missing.size) return setMessage(t('editor.fixErrors'));
    setBusy(true);
    try {
      let doc: Entity;
      if (mode === 'new') {
        doc = await entityWritesApi.create({
          template: docTemplate?.name ?? documentTemplate,
          title: title.trim(),
          language: profile.language,
          published: canPublish && published,
          metadata: { ...values, ...(back ? { [back.name]: [profile.id] } : {}) },
        });
      } else {
        doc = back ? await addRelation(existing[0]!, back.name, profile.id) : await api.entity(existing[0]!);
      }
      await addRelation(profile.id, property.name, doc.id);
      setAdded(doc);
      void client.invalidateQueries({ queryKey: ['entity-view'] });
      if (mode === 'new') await uploads.start(doc.id);
    } catch (e) {
      setErrors(
        problemErrors(e instanceof ApiError ? e.problem : null, docTemplate, (x) =>
          fieldErrorText(x, t, i18n.language, docTemplate),
        ),
      );
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="edialog edialog--wide" aria-labelledby="adddoc-title" onClose={onClose}>
      <h2 id="adddoc-title">{t('editor.addDocumentTo', { section: sectionName })}</h2>
      {added ? (
        <div className="adddoc__done" role="status">
          <p>
            {t('editor.documentAdded', { title: added.title })}{' '}
            <Link to={`/documents/${added.id}`} onClick={close}>
              {t('editor.openDocument')}
            </Link>
          </p>
          <UploadList
            items={uploads.items}
            onRetry={(key) => uploads.retry(added.id, key)}
            onRemove={uploads.removeWaiting}
          />
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <fieldset className="adddoc__mode">
            <legend className="visually-hidden">{t('editor.addDocumentHow')}</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'new'} onChange={() => setMode('new')} />{' '}
              {t('editor.newDocument')}
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === 'existing'}
                onChange={() => setMode('existing')}
              />{' '}
              {t('editor.existingDocument')}
            </label>
          </fieldset>
          {message && (
            <p className="esummary" role="alert">
              {message}
            </p>
          )}
          {mode === 'new' ? (
            <>
              <div className="efield" data-invalid={errors.has('title')}>
                <label className="efield__label" htmlFor="adddoc-doc-title">
                  {t('editor.titleField')} <span className="efield__required">{t('editor.required')}</span>
                </label>
                <input
                  id="adddoc-doc-title"
                  className="efield__input"
                  aria-required
                  aria-invalid={errors.has('title') || undefined}
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                />
                {errors.get('title')?.map((m) => (
                  <p key={m} className="efield__errors">
                    {m}
                  </p>
                ))}
              </div>
              {asked.map((p) => (
                <PropertyField
                  key={p.name}
                  property={p}
                  value={values[p.name]}
                  onChange={(v) => setValues((x) => ({ ...x, [p.name]: v }))}
                  errors={errors.get(`metadata.${p.name}`) ?? []}
                  thesauri={thesaurusMap}
                  titles={titles}
                  onTitle={(id, tt) => setTitles((m) => new Map(m).set(id, tt))}
                />
              ))}
              <div className="efield">
                <span className="efield__label">{t('editor.files')}</span>
                <DropZone onFiles={uploads.add} />
                <UploadList
                  items={uploads.items}
                  onRetry={() => undefined}
                  onRemove={uploads.removeWaiting}
                />
              </div>
              {canPublish && (
                <div className="efield efield--check">
                  <input
                    id="adddoc-published"
                    type="checkbox"
                    checked={published}
                    onChange={(e) => setPublished(e.target.checked)}
                  />
                  <label htmlFor="adddoc-published">{t('editor.published')}</label>
                </div>
              )}
            </>
          ) : (
            <div className="efield" data-invalid={errors.has('existing')}>
              <label className="efield__label" htmlFor="adddoc-existing">
                {t('editor.existingDocument')}
              </label>
              <RelationshipField
                id="adddoc-existing"
                label={t('editor.existingDocument')}
                value={existing}
                onChange={(v) => setExisting(Array.isArray(v) ? (v as string[]).slice(-1) : [])}
                invalid={errors.has('existing')}
                required
                targetTemplate={docTemplate?.name}
                titles={titles}
                onTitle={(id, tt) => setTitles((m) => new Map(m).set(id, tt))}
              />
            </div>
          )}
          <div className="eform__actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('editor.addDocument')}
            </button>
            <button type="button" className="btn" onClick={close}>
              {t('editor.cancel')}
            </button>
          </div>
        </form>
      )}
      {added && (
        <div className="eform__actions">
          <button type="button" className="btn btn--primary" onClick={close}>
            {t('editor.done')}
          </button>
        </div>
      )}
    </dialog>
  );
}
