import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { intlLocale } from '../../../domain/languages.ts';
import type { Activity } from '../../../domain/schemas/index.ts';
import { ACTIVITY_PAGE, useActivity, useRevert } from '../../api/settings.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ActivityDiff } from './ActivityDiff.tsx';
import { problemText } from './problem.ts';

/** Actions the catalogue names; another action (a future one) shows as the API spells it. */
const KNOWN_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'revert',
  'login',
  'logout',
  'lockout',
  'upload',
  'replace',
  'ocr',
  'reanchor',
]);

/** Only changes of an entity's fields can be reverted (the API refuses creations and deletions). */
const revertible = (a: Activity) =>
  a.targetType === 'entity' && !!a.changes?.length && a.action !== 'create' && a.action !== 'delete';

/**
 * `/admin/activity`: the newest entries of the log, newest first. The API pages and filters by record only,
 * so person, action and entity filter the loaded entries here (the newest ACTIVITY_PAGE of them).
 */
export default function ActivityPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('settings.nav.activity'));
  const [params, setParams] = useSearchParams();
  const person = params.get('person') ?? '';
  const action = params.get('action') ?? '';
  const entity = params.get('entity') ?? '';
  const { data, error, isLoading } = useActivity('');
  const setFilter = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  const people = [...new Set(data.map((a) => a.username ?? ''))].filter(Boolean).sort();
  const actions = [...new Set(data.map((a) => a.action))].sort();
  const needle = entity.trim().toLocaleLowerCase();
  const shown = data.filter(
    (a) =>
      (!person || a.username === person) &&
      (!action || a.action === action) &&
      (!needle || a.targetId === entity.trim() || a.summary.toLocaleLowerCase().includes(needle)),
  );
  const actionName = (x: string) => (KNOWN_ACTIONS.has(x) ? t(`settings.actions.${x}`) : x);
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">{t('settings.nav.activity')}</h2>
      <p className="muted">{t('settings.activity.intro', { count: ACTIVITY_PAGE })}</p>
      <form className="settings__filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('settings.activity.person')}</span>
          <select value={person} onChange={(e) => setFilter('person', e.target.value)}>
            <option value="">{t('settings.activity.everyone')}</option>
            {people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.activity.action')}</span>
          <select value={action} onChange={(e) => setFilter('action', e.target.value)}>
            <option value="">{t('settings.activity.anyAction')}</option>
            {actions.map((x) => (
              <option key={x} value={x}>
                {actionName(x)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.activity.entity')}</span>
          <input type="search" value={entity} onChange={(e) => setFilter('entity', e.target.value)} />
        </label>
      </form>
      <p aria-live="polite" className="muted">
        {t('settings.activity.shown', { shown: shown.length, total: data.length })}
      </p>
      <ol className="settings__entries">
        {shown.map((a) => (
          <ActivityEntry
            key={a.id}
            entry={a}
            actionName={actionName(a.action)}
            when={when.format(new Date(a.at))}
          />
        ))}
      </ol>
    </section>
  );
}

function ActivityEntry({ entry, actionName, when }: { entry: Activity; actionName: string; when: string }) {
  const { t } = useTranslation();
  const revert = useRevert();
  const [done, setDone] = useState<string | null>(null);
  return (
    <li className="panel settings__entry">
      <details>
        <summary>
          <span className="settings__action">{actionName}</span> <span>{entry.summary}</span>{' '}
          <span className="muted">
            · {entry.username ?? t('settings.activity.system')} · <time dateTime={entry.at}>{when}</time>
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
