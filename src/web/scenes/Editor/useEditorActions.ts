import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Entity, Template } from '../../../domain/schemas/index.ts';
import { ApiError } from '../../api/client.ts';
import { conflictOf, entityWritesApi } from '../../api/entities.ts';
import { useToast } from '../../components/Toast/Toast.tsx';
import { fieldErrorText } from '../../lib/problems.ts';
import { buildInput, buildPatch, type FormState, formOf, isEmptyPatch, problemErrors } from './formModel.ts';

export type SaveOutcome = { errors: Map<string, string[]>; message: string | null; conflict: Entity | null };
const NONE: SaveOutcome = { errors: new Map(), message: null, conflict: null };

/** Required fields checked before sending, with the same keys as the API's problem details. */
function requiredErrors(template: Template, form: FormState, message: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!form.title.trim()) out.set('title', [message]);
  for (const p of template.properties) {
    const v = form.metadata[p.name];
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (p.required && empty) out.set(`metadata.${p.name}`, [message]);
  }
  return out;
}

/**
 * Save, undo and delete of the editor. A save sends only what changed (merge patch) with the version it is
 * based on; its Undo patches the previous values back onto the new version. A deletion's Undo creates the
 * entity again from its values (a new id; its files are gone with it, so it is offered only without files).
 */
export function useEditorActions({
  template,
  base,
  onSaved,
  hasFiles,
}: {
  template: Template;
  base: Entity | null;
  onSaved: (e: Entity) => void;
  hasFiles: boolean;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(NONE);
  /** Set just before the page navigates away on purpose, so the unsaved-changes guard lets it. */
  const leaving = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['entity-view'] });
    void client.invalidateQueries({ queryKey: ['entities'] });
    void client.invalidateQueries({ queryKey: ['search'] });
  };

  const fail = (e: unknown) => {
    const conflict = conflictOf(e);
    if (conflict) return setOutcome({ ...NONE, conflict });
    const problem = e instanceof ApiError ? e.problem : null;
    const errors = problemErrors(problem, template, (x) => fieldErrorText(x, t, i18n.language, template));
    setOutcome({
      errors,
      message: errors.size ? t('editor.fixErrors') : e instanceof Error ? e.message : String(e),
      conflict: null,
    });
  };

  const undoSave = async (before: Entity, after: Entity) => {
    try {
      const patch = buildPatch(formOf(after), formOf(before));
      const back = await entityWritesApi.patch(after.id, { ...patch, version: after.version });
      refresh();
      onSavedRef.current(back);
      toast({ text: t('editor.undone') });
    } catch (e) {
      toast({ text: conflictOf(e) ? t('editor.undoChanged') : t('editor.undoFailed') });
    }
  };

  /** Saves `form` over `against` (the version it is based on; the current one after "Keep mine"). */
  const save = async (form: FormState, against: Entity | null = base) => {
    const missing = requiredErrors(template, form, t('editor.requiredError'));
    if (missing.size) return setOutcome({ errors: missing, message: t('editor.fixErrors'), conflict: null });
    setBusy(true);
    try {
      if (against) {
        const patch = buildPatch(formOf(against), form);
        if (isEmptyPatch(patch)) {
          setOutcome(NONE);
          toast({ text: t('editor.nothingChanged') });
          return;
        }
        const saved = await entityWritesApi.patch(against.id, { ...patch, version: against.version });
        setOutcome(NONE);
        refresh();
        onSaved(saved);
        toast({
          text: t('editor.saved'),
          action: { label: t('editor.undo'), run: () => void undoSave(against, saved) },
        });
      } else {
        const created = await entityWritesApi.create(buildInput(template.name, form));
        setOutcome(NONE);
        refresh();
        leaving.current = true;
        navigate(`/entities/${created.id}/edit`, { replace: true });
        toast({
          text: t('editor.created'),
          action: {
            label: t('editor.undo'),
            run: () =>
              void entityWritesApi.remove(created.id).then(
                () => {
                  refresh();
                  navigate('/browse');
                  toast({ text: t('editor.undone') });
                },
                () => toast({ text: t('editor.undoFailed') }),
              ),
          },
        });
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!base) return;
    setBusy(true);
    try {
      await entityWritesApi.remove(base.id);
      refresh();
      leaving.current = true;
      navigate('/browse');
      const copy = buildInput(base.template, formOf(base));
      toast({
        text: t('editor.deleted', { title: base.title }),
        action: hasFiles
          ? undefined
          : {
              label: t('editor.undo'),
              run: () =>
                void entityWritesApi.create({ ...copy, lastReviewed: base.lastReviewed }).then(
                  (again) => {
                    refresh();
                    navigate(`/entities/${again.id}/edit`);
                    toast({ text: t('editor.restored') });
                  },
                  () => toast({ text: t('editor.undoFailed') }),
                ),
            },
      });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return { save, remove, busy, outcome, clearConflict: () => setOutcome(NONE), leaving };
}
