import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shorten } from '../../../lib/format.ts';
import { useLocalRelationTypes } from '../../../lib/local.ts';
import { useProfileTemplates } from '../../../lib/profileTemplates.ts';
import { type PickedEntity, TitleAutocomplete } from './TitleAutocomplete.tsx';
import type { Passage } from './types.ts';

/**
 * Step 2 of connecting: the relation and the target. A document target goes on to step 3 (choose its
 * paragraph); any target can also be connected as a whole (text-to-entity), which saves here.
 */
export function ConnectDetails({
  source,
  sourceEntityId,
  saving,
  error,
  onSelectTarget,
  onSaveToEntity,
  onCancel,
}: {
  source: Passage;
  sourceEntityId: string;
  saving: boolean;
  error: string | null;
  onSelectTarget: (relation: string, target: PickedEntity) => void;
  onSaveToEntity: (relation: string, target: PickedEntity) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const relations = useLocalRelationTypes();
  const [relation, setRelation] = useState('');
  const [target, setTarget] = useState<PickedEntity | null>(null);
  const chosen = relation || relations.data?.[0]?.name || '';
  const documentTemplate = useProfileTemplates().names?.document;
  const isDocument = target !== null && target.template === documentTemplate;
  return (
    <section className="connect" aria-labelledby="connect-title">
      <h2 id="connect-title" className="connect__title">
        {t('connect.title')} <span className="muted">{t('connect.step', { step: 2 })}</span>
      </h2>
      <blockquote className="connect__quote">
        {t('common.quote', { text: shorten(source.exact, 240) })}
      </blockquote>
      <label className="field">
        <span>{t('connect.relation')}</span>
        <select value={chosen} onChange={(e) => setRelation(e.target.value)}>
          {relations.data?.map((r) => (
            <option key={r.name} value={r.name}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <TitleAutocomplete label={t('connect.target')} exclude={sourceEntityId} onPick={setTarget} />
      {error && (
        <p role="alert" className="connect__error">
          {error}
        </p>
      )}
      <div className="connect__actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={!target || !isDocument || !chosen}
          onClick={() => target && onSelectTarget(chosen, target)}
        >
          {t('connect.selectTarget')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!target || !chosen || saving}
          onClick={() => target && onSaveToEntity(chosen, target)}
        >
          {isDocument ? t('connect.saveWhole') : t('connect.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('connections.cancel')}
        </button>
      </div>
    </section>
  );
}
