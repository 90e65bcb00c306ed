import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template, TemplateCheck, TemplateInput, Thesaurus } from '../../../../domain/schemas/index.ts';
import { ApiError } from '../../../api/client.ts';
import { checkTemplate, useSaveTemplate } from '../../../api/schema-admin.ts';
import { problemText } from '../problem.ts';
import { cleanLabels, LabelsFields } from '../schema/LabelsFields.tsx';
import { SchemaJobProgress } from '../schema/SchemaJobProgress.tsx';
import { ChangeReport } from './ChangeReport.tsx';
import { type DraftProperty, nameFromLabel, PropertyEditor } from './PropertyEditor.tsx';

let nextKey = 0;
const draftOf = (p: Template['properties'][number]): DraftProperty => ({ ...p, key: `p${nextKey++}` });

/** The input the API takes from the editor's state: empty labels and the editor's own fields dropped. */
function inputOf(
  template: Template,
  label: string,
  labels: Template['labels'],
  props: DraftProperty[],
): TemplateInput {
  return {
    name: template.name,
    label,
    labels: cleanLabels(labels),
    ...(template.sectionLabels ? { sectionLabels: template.sectionLabels } : {}),
    ...(template.color ? { color: template.color } : {}),
    properties: props.map(({ key: _k, isNew: _n, autoName: _a, ...p }) => ({
      ...p,
      labels: cleanLabels(p.labels),
      section: p.section?.trim() || undefined,
    })),
  };
}

/**
 * One template: its label in six languages and its properties (add, relabel, reorder, delete, type and
 * binding, flags). Saving first asks the API what the change would do to stored values; when values
 * would be lost it shows how many and saves only once the admin confirms. The background rewrite and
 * reindex that follows is shown as it runs.
 */
export function TemplateEditor({
  template,
  templates,
  thesauri,
}: {
  template: Template;
  templates: Template[];
  thesauri: Thesaurus[];
}) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const [label, setLabel] = useState(template.label);
  const [labels, setLabels] = useState(template.labels ?? {});
  const [props, setProps] = useState<DraftProperty[]>(() => template.properties.map(draftOf));
  const [check, setCheck] = useState<TemplateCheck | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<{ key: string; count: number | null } | null>(null);

  const touched = () => {
    setSaved(false);
    setCheck(null);
  };
  const update = (key: string, p: DraftProperty) => {
    touched();
    setProps((ps) => {
      const taken = new Set(ps.filter((x) => x.key !== key).map((x) => x.name));
      const named = p.isNew && p.autoName !== false ? { ...p, name: nameFromLabel(p.label, taken) } : p;
      return ps.map((x) => (x.key === key ? named : x));
    });
  };
  const move = (i: number, delta: -1 | 1) => {
    touched();
    setProps((ps) => {
      const out = [...ps];
      const [p] = out.splice(i, 1);
      out.splice(i + delta, 0, p!);
      return out;
    });
  };
  const add = () => {
    touched();
    setProps((ps) => [
      ...ps,
      {
        key: `p${nextKey++}`,
        isNew: true,
        autoName: true,
        name: nameFromLabel(t('settings.templates.newProperty'), new Set(ps.map((p) => p.name))),
        label: t('settings.templates.newProperty'),
        type: 'text',
        required: false,
        filterable: false,
        showInCard: false,
      },
    ]);
  };
  /** Asks how many entities hold a value before a stored property goes. */
  const askDelete = async (p: DraftProperty) => {
    if (p.isNew) {
      touched();
      setProps((ps) => ps.filter((x) => x.key !== p.key));
      return;
    }
    setDeleting({ key: p.key, count: null });
    try {
      const result = await checkTemplate(
        inputOf(
          template,
          label,
          labels,
          props.filter((x) => x.key !== p.key),
        ),
      );
      const c = result.changes.find((x) => x.property === p.name);
      setDeleting({ key: p.key, count: c?.withValue ?? 0 });
    } catch (e) {
      setDeleting(null);
      setError(e);
    }
  };
  const submit = async (confirm: boolean) => {
    setError(null);
    setSaved(false);
    const input = inputOf(template, label, labels, props);
    try {
      if (!confirm) {
        setChecking(true);
        const result = await checkTemplate(input).finally(() => setChecking(false));
        if (result.needsConfirmation) {
          setCheck(result);
          return;
        }
      }
      const out = await save.mutateAsync({ input, isNew: false, confirm });
      setCheck(null);
      setSaved(true);
      setJobId(out.jobId);
      setProps((ps) => ps.map(({ isNew: _n, autoName: _a, ...p }) => p));
    } catch (e) {
      // A change made by someone else between the check and the save comes back with its own check.
      if (e instanceof ApiError && e.status === 409 && 'check' in (e.problem ?? {}))
        setCheck((e.problem as unknown as { check: TemplateCheck }).check);
      else setError(e);
    }
  };
  const fieldErrors = (i: number) =>
    error instanceof ApiError
      ? (error.problem?.errors ?? [])
          .filter((x) => x.path.startsWith(`properties.${i}.`) || x.path === `properties.${i}`)
          .map((x) => x.message)
      : [];
  const pending = deleting && props.find((p) => p.key === deleting.key);
  return (
    <form
      className="settings__template"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h3>{template.label}</h3>
      <label className="field">
        <span>{t('settings.templates.templateLabel')}</span>
        <input
          value={label}
          required
          onChange={(e) => {
            touched();
            setLabel(e.target.value);
          }}
        />
      </label>
      <LabelsFields
        legend={t('settings.templates.templateLabels')}
        labels={labels}
        placeholder={label}
        onChange={(l) => {
          touched();
          setLabels(l);
        }}
      />
      <h4>{t('settings.templates.properties', { n: props.length })}</h4>
      <ol className="settings__properties">
        {props.map((p, i) => (
          <PropertyEditor
            key={p.key}
            property={p}
            index={i}
            count={props.length}
            thesauri={thesauri}
            templates={templates}
            errors={fieldErrors(i)}
            onChange={(next) => update(p.key, next)}
            onMove={(d) => move(i, d)}
            onDelete={() => void askDelete(p)}
          />
        ))}
      </ol>
      {pending && (
        <div className="panel panel--notice" role="alertdialog" aria-labelledby="delete-property">
          <p id="delete-property">
            {deleting.count === null
              ? t('settings.templates.counting')
              : t('settings.templates.deleteCount', { name: pending.label, n: deleting.count })}
          </p>
          <div className="settings__row">
            <button
              type="button"
              className="btn"
              disabled={deleting.count === null}
              onClick={() => {
                touched();
                setProps((ps) => ps.filter((x) => x.key !== deleting.key));
                setDeleting(null);
              }}
            >
              {t('settings.yesDelete')}
            </button>
            <button type="button" className="btn" onClick={() => setDeleting(null)}>
              {t('settings.cancel')}
            </button>
          </div>
        </div>
      )}
      <div className="settings__row">
        <button type="button" className="btn" onClick={add}>
          {t('settings.templates.addProperty')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending || checking}>
          {t('settings.templates.save')}
        </button>
      </div>
      {check && (
        <>
          <ChangeReport check={check} />
          <div className="settings__row">
            <button type="button" className="btn btn--primary" onClick={() => void submit(true)}>
              {t('settings.templates.saveAnyway')}
            </button>
            <button type="button" className="btn" onClick={() => setCheck(null)}>
              {t('settings.cancel')}
            </button>
          </div>
        </>
      )}
      {saved && (
        <p role="status" className="settings__ok">
          {t('settings.templates.saved', { name: label })}
        </p>
      )}
      {jobId !== null && <SchemaJobProgress key={jobId} id={jobId} />}
      {error !== null && (
        <p role="alert" className="settings__error">
          {problemText(error)}
        </p>
      )}
    </form>
  );
}
