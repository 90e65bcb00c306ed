import i18n from 'i18next';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { useWriteThesaurus } from '../../../api/schema-admin.ts';
import { fieldErrorText } from '../../../lib/problems.ts';
import { problemText } from '../problem.ts';
import { type FieldControl, SettingsField } from '../SettingsField.tsx';
import { type FormError, type NewThesaurusForm, readNewThesaurus, thesaurusNameFor } from './newThesaurus.ts';

type Field = keyof NewThesaurusForm;
type Errors = Partial<Record<Field, FormError>>;

/** Field errors of an API refusal (problem details), by the form field they concern. */
function apiErrors(error: unknown, name: string): { fields: Errors; other: string | null } {
  if (error instanceof ApiError && error.status === 409)
    return { fields: { name: { key: 'settings.thesauri.errors.nameTaken', values: { name } } }, other: null };
  const fields: Errors = {};
  const rest: string[] = [];
  if (error instanceof ApiError)
    for (const e of error.problem?.errors ?? []) {
      const field = (['label', 'name', 'values'] as const).find(
        (f) => e.path === f || e.path.startsWith(`${f}.`),
      );
      const text = fieldErrorText(e, i18n.t, i18n.language);
      if (field && !fields[field]) fields[field] = { text };
      else rest.push(text);
    }
  const other = rest.length ? rest.join('; ') : Object.keys(fields).length ? null : problemText(error);
  return { fields, other };
}

/**
 * "New thesaurus": a label, its name (made from the label until the admin writes one; fixed once created)
 * and its first values, one per line. Errors are told beside their field before anything is sent; the new
 * thesaurus then opens in the editor, for its labels in the other languages.
 */
export function NewThesaurus({ taken }: { taken: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useWriteThesaurus();
  const [form, setForm] = useState<NewThesaurusForm>({ label: '', name: '', values: '' });
  const [nameEdited, setNameEdited] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [other, setOther] = useState<string | null>(null);
  const refs = {
    label: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
    values: useRef<HTMLTextAreaElement>(null),
  };
  const set = (patch: Partial<NewThesaurusForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as Field[]) delete next[k];
      if (patch.label !== undefined && !nameEdited) delete next.name;
      return next;
    });
  };
  const show = (found: Errors) => {
    setErrors(found);
    const first = (['label', 'name', 'values'] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };
  const errorOf = (f: Field) => {
    const error = errors[f];
    return error && ('text' in error ? error.text : t(error.key, error.values));
  };
  /** One of the form's three fields: its error and help tied to the control. */
  const fieldOf = (
    f: Field,
    label: string,
    help: string,
    control: (c: FieldControl) => ReactNode,
    className?: string,
  ) => (
    <SettingsField
      id={`new-thesaurus-${f}`}
      label={label}
      error={errorOf(f)}
      help={help}
      className={className}
    >
      {control}
    </SettingsField>
  );

  return (
    <form
      className="panel settings__new-thesaurus"
      aria-labelledby="new-thesaurus-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setOther(null);
        const read = readNewThesaurus(form, taken);
        if (!read.input) return show(read.errors);
        const { input } = read;
        save.mutate(
          { input, isNew: true },
          {
            onSuccess: () => navigate(`/admin/thesauri/${encodeURIComponent(input.name)}`),
            onError: (err) => {
              const found = apiErrors(err, input.name);
              setOther(found.other);
              show(found.fields);
            },
          },
        );
      }}
    >
      <h3 id="new-thesaurus-title">{t('settings.thesauri.new')}</h3>
      {fieldOf('label', t('settings.thesauri.newLabel'), t('settings.thesauri.newLabelHelp'), (c) => (
        <input
          ref={refs.label}
          value={form.label}
          maxLength={200}
          {...c}
          onChange={(e) =>
            set({ label: e.target.value, ...(nameEdited ? {} : { name: thesaurusNameFor(e.target.value) }) })
          }
        />
      ))}
      {fieldOf('name', t('settings.thesauri.newName'), t('settings.thesauri.newNameHelp'), (c) => (
        <input
          ref={refs.name}
          value={form.name}
          maxLength={64}
          spellCheck={false}
          autoCapitalize="off"
          dir="ltr"
          {...c}
          onChange={(e) => {
            setNameEdited(true);
            set({ name: e.target.value });
          }}
        />
      ))}
      {fieldOf(
        'values',
        t('settings.thesauri.firstValues'),
        t('settings.thesauri.firstValuesHelp'),
        (c) => (
          <textarea
            ref={refs.values}
            value={form.values}
            rows={5}
            {...c}
            onChange={(e) => set({ values: e.target.value })}
          />
        ),
        'settings__new-values',
      )}
      <button type="submit" className="btn" disabled={save.isPending}>
        {t('settings.thesauri.create')}
      </button>
      {other && (
        <p role="alert" className="settings__error">
          {other}
        </p>
      )}
    </form>
  );
}
