import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Activity } from '../../../../domain/schemas/index.ts';
import { useRevert } from '../../../api/activity.ts';
import { useTemplates } from '../../../api/hooks.ts';
import { useRelationTypes } from '../../../api/schema-admin.ts';
import { activityText } from '../../../lib/activity-text.ts';
import { ActivityDiff } from '../ActivityDiff.tsx';
import { problemText } from '../problem.ts';

/** Only changes of an entity's fields can be reverted (the API refuses creations and deletions). */
const revertible = (a: Activity) =>
  a.targetType === 'entity' && !!a.changes?.length && a.action !== 'create' && a.action !== 'delete';

/** One entry of the log: a summary line that opens its diff, the record's link, Revert, and "only this record". */
export function ActivityEntry({
  entry,
  actionName,
  when,
  onlyThis,
}: {
  entry: Activity;
  actionName: string;
  when: string;
  onlyThis?: string;
}) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const relationTypes = useRelationTypes();
  const revert = useRevert();
  const [done, setDone] = useState<string | null>(null);
  return (
    <li className="panel settings__entry">
      <details>
        <summary>
          <span className="settings__action">{actionName}</span>{' '}
          <span>
            {activityText(entry, t, i18n.language, {
              templates: templates.data,
              relationTypes: relationTypes.data,
            })}
          </span>{' '}
          <span className="muted">
            {/* bdi: a Latin username in an Arabic line keeps its place between the dots */}·{' '}
            <bdi>{entry.username ?? t('settings.activity.system')}</bdi> ·{' '}
            <time dateTime={entry.at}>{when}</time>
          </span>
        </summary>
        {entry.changes ? (
          <ActivityDiff changes={entry.changes} />
        ) : (
          <p className="muted">{t('settings.activity.noDiff')}</p>
        )}
        <div className="settings__row">
          {entry.targetType === 'entity' && entry.targetId && entry.action !== 'delete' && (
            <Link to={`/entities/${encodeURIComponent(entry.targetId)}`}>{t('settings.activity.open')}</Link>
          )}
          {onlyThis && <Link to={onlyThis}>{t('settings.activity.onlyThis')}</Link>}
          {revertible(entry) && (
            <button
              type="button"
              className="btn btn--small"
              disabled={revert.isPending || done !== null}
              onClick={() =>
                revert.mutate(entry.id, {
                  onSuccess: (entity) => setDone(t('settings.activity.reverted', { title: entity.title })),
                })
              }
            >
              {revert.isPending ? t('settings.activity.reverting') : t('settings.activity.revert')}
            </button>
          )}
        </div>
        {done && (
          <p role="status" className="settings__ok">
            {done}
          </p>
        )}
        {revert.error && (
          <p role="alert" className="settings__error">
            {t('settings.activity.revertFailed', { reason: problemText(revert.error) })}
          </p>
        )}
      </details>
    </li>
  );
}
