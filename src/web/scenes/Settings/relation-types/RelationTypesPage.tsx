import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels, RelationType, RelationTypeUsage } from '../../../../domain/schemas/index.ts';
import { relationTypeUsage, useRelationTypes, useRelationTypeWrites } from '../../../api/schema-admin.ts';
import { ErrorPanel } from '../../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../../components/Status/Loading.tsx';
import { formatList } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts';
import '../schema/schema.css';
import { problemText } from '../problem.ts';
import { cleanLabels, LabelsFields } from '../schema/LabelsFields.tsx';

/** `/admin/relation-types`: each relation type with its label and inverse label in six languages. */
export default function RelationTypesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.relationTypes'));
  const { data, error, isLoading } = useRelationTypes();
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  return (
    <section aria-labelledby="relation-types-title">
      <h2 id="relation-types-title">{t('settings.nav.relationTypes')}</h2>
      <ul className="settings__entries">
        {data.map((type) => (
          <RelationTypeItem key={type.name} type={type} all={data} />
        ))}
      </ul>
      <NewRelationType />
    </section>
  );
}

/** A lowercase name with dashes from a label. */
const nameOf = (label: string) =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

function RelationTypeItem({ type, all }: { type: RelationType; all: RelationType[] }) {
  const { t, i18n } = useTranslation();
  const { save, remove } = useRelationTypeWrites();
  const [label, setLabel] = useState(type.label);
  const [inverseLabel, setInverseLabel] = useState(type.inverseLabel);
  const [labels, setLabels] = useState<Labels>(type.labels ?? {});
  const [inverseLabels, setInverseLabels] = useState<Labels>(type.inverseLabels ?? {});
  const [saved, setSaved] = useState(false);
  const [usage, setUsage] = useState<RelationTypeUsage | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [usageError, setUsageError] = useState<unknown>(null);
  const others = all.filter((x) => x.name !== type.name);
  const used = usage && (usage.references > 0 || usage.properties.length > 0);
  return (
    <li className="panel">
      <details>
        <summary>
          <strong>{type.label}</strong> / {type.inverseLabel} <code className="muted">{type.name}</code>
        </summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            save.mutate(
              {
                input: {
                  name: type.name,
                  label,
                  inverseLabel,
                  labels: cleanLabels(labels),
                  inverseLabels: cleanLabels(inverseLabels),
                },
                isNew: false,
              },
              { onSuccess: () => setSaved(true) },
            );
          }}
        >
          <div className="settings__add">
            <label className="field">
              <span>{t('settings.relationTypes.label')}</span>
              <input value={label} required onChange={(e) => setLabel(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('settings.relationTypes.inverseLabel')}</span>
              <input value={inverseLabel} required onChange={(e) => setInverseLabel(e.target.value)} />
            </label>
          </div>
          <LabelsFields
            legend={t('settings.relationTypes.labelsOf', { name: label })}
            labels={labels}
            placeholder={label}
            onChange={setLabels}
          />
          <LabelsFields
            legend={t('settings.relationTypes.inverseLabelsOf', { name: inverseLabel })}
            labels={inverseLabels}
            placeholder={inverseLabel}
            onChange={setInverseLabels}
          />
          <div className="settings__row">
            <button type="submit" className="btn btn--primary" disabled={save.isPending}>
              {t('settings.relationTypes.save')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={async () => {
                setUsageError(null);
                try {
                  setUsage(await relationTypeUsage(type.name));
                } catch (e) {
                  setUsageError(e);
                }
              }}
            >
              {t('settings.delete')}
            </button>
          </div>
          {saved && (
            <p role="status" className="settings__ok">
              {t('settings.relationTypes.saved', { name: label })}
            </p>
          )}
          {save.error && (
            <p role="alert" className="settings__error">
              {problemText(save.error)}
            </p>
          )}
        </form>
        {usage && (
          <div className="panel panel--notice" role="alertdialog" aria-labelledby={`rt-del-${type.name}`}>
            <p id={`rt-del-${type.name}`}>
              {used
                ? t('settings.relationTypes.inUse', {
                    n: usage.references,
                    properties: formatList(usage.properties, i18n.language) || '—',
                  })
                : t('settings.relationTypes.unused', { name: type.label })}
            </p>
            {used && (
              <label className="field">
                <span>{t('settings.relationTypes.moveTo')}</span>
                <select value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
                  <option value="">—</option>
                  {others.map((o) => (
                    <option key={o.name} value={o.name}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <div className="settings__row">
              <button
                type="button"
                className="btn"
                disabled={!!used && !moveTo}
                onClick={() => remove.mutate({ name: type.name, moveTo: moveTo || undefined })}
              >
                {used ? t('settings.relationTypes.moveAndDelete') : t('settings.yesDelete')}
              </button>
              <button type="button" className="btn" onClick={() => setUsage(null)}>
                {t('settings.cancel')}
              </button>
            </div>
            {remove.error && (
              <p role="alert" className="settings__error">
                {problemText(remove.error)}
              </p>
            )}
          </div>
        )}
        {usageError !== null && (
          <p role="alert" className="settings__error">
            {problemText(usageError)}
          </p>
        )}
      </details>
    </li>
  );
}

function NewRelationType() {
  const { t } = useTranslation();
  const { save } = useRelationTypeWrites();
  const [label, setLabel] = useState('');
  const [inverseLabel, setInverseLabel] = useState('');
  const name = nameOf(label);
  return (
    <form
      className="settings__add"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { input: { name, label, inverseLabel }, isNew: true },
          {
            onSuccess: () => {
              setLabel('');
              setInverseLabel('');
            },
          },
        );
      }}
    >
      <h3>{t('settings.relationTypes.new')}</h3>
      <label className="field">
        <span>{t('settings.relationTypes.label')}</span>
        <input value={label} required onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.relationTypes.inverseLabel')}</span>
        <input value={inverseLabel} required onChange={(e) => setInverseLabel(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={save.isPending || !/^[a-z]/.test(name)}>
        {t('settings.relationTypes.create')}
      </button>
      {save.error && (
        <p role="alert" className="settings__error">
          {problemText(save.error)}
        </p>
      )}
    </form>
  );
}
