import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { intlLocale } from '../../../domain/languages.ts';
import { useUsers } from '../../api/accounts.ts';
import { type ActivityFilters, useActivityPages } from '../../api/activity.ts';
import { useTemplates } from '../../api/hooks.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ActivityEntry } from './activity/ActivityEntry.tsx';

/** Actions the catalogue names, offered in the action filter; another (a future one) shows as the API spells it. */
const KNOWN_ACTIONS = [
  'create',
  'update',
  'delete',
  'revert',
  'publish',
  'unpublish',
  'login',
  'logout',
  'lockout',
  'disable',
  'enable',
  'reset-link',
  'password-reset',
  'upload',
  'replace',
  'ocr',
  'reanchor',
  'reattach',
] as const;

/** The URL's filter parameters, spelled as the API's query (so a shared link is the same view). */
const FILTER_KEYS = ['person', 'action', 'template', 'from', 'to', 'targetId', 'q'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/admin/activity`: the whole log, filtered on the server by person, action, template, day range, record
 * and words of the summary, newest first, "Load more" following the cursor. The filters live in the URL,
 * so a filtered view can be shared; each entry opens its diff, and an entity change can be reverted.
 */
export default function ActivityPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('settings.nav.activity'));
  const [params, setParams] = useSearchParams();
  const filters: ActivityFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v && ((k !== 'from' && k !== 'to') || DAY.test(v))) filters[k] = v;
  }
  const pages = useActivityPages(filters);
  const users = useUsers();
  const templates = useTemplates();
  // Words typed in the text filters reach the URL (and the server) once typing pauses.
  const [words, setWords] = useState(filters.q ?? '');
  const [record, setRecord] = useState(filters.targetId ?? '');
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        // Words still waiting for the pause go along, so one change of filters makes one query, not two
        // (a second would replace the list the reader has just opened an entry of).
        const changes: [string, string][] = [
          ['q', words.trim()],
          ['targetId', record.trim()],
          [key, value],
        ];
        for (const [k, v] of changes) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    const timer = setTimeout(() => {
      if (words.trim() !== (params.get('q') ?? '')) setFilter('q', words.trim());
      if (record.trim() !== (params.get('targetId') ?? '')) setFilter('targetId', record.trim());
    }, 350);
    return () => clearTimeout(timer);
  });
  const actionName = (x: string) =>
    (KNOWN_ACTIONS as readonly string[]).includes(x) ? t(`settings.actions.${x}`) : x;
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const onlyThis = (targetId: string) => {
    const next = new URLSearchParams(params);
    next.set('targetId', targetId);
    return `/admin/activity?${next}`;
  };
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">{t('settings.nav.activity')}</h2>
      <form className="settings__filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('settings.activity.person')}</span>
          <input
            list="activity-people"
            value={filters.person ?? ''}
            onChange={(e) => setFilter('person', e.target.value)}
            placeholder={t('settings.activity.everyone')}
          />
          <datalist id="activity-people">
            {users.data?.map((u) => (
              <option key={u.id} value={u.username} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t('settings.activity.action')}</span>
          <select value={filters.action ?? ''} onChange={(e) => setFilter('action', e.target.value)}>
            <option value="">{t('settings.activity.anyAction')}</option>
            {KNOWN_ACTIONS.map((x) => (
              <option key={x} value={x}>
                {actionName(x)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.activity.template')}</span>
          <select value={filters.template ?? ''} onChange={(e) => setFilter('template', e.target.value)}>
            <option value="">{t('settings.activity.anyTemplate')}</option>
            {templates.data?.map((x) => (
              <option key={x.name} value={x.name}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.activity.from')}</span>
          <input type="date" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.activity.to')}</span>
          <input type="date" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.activity.words')}</span>
          <input type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.activity.record')}</span>
          <input value={record} onChange={(e) => setRecord(e.target.value)} spellCheck={false} />
        </label>
        {FILTER_KEYS.some((k) => params.has(k)) && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setWords('');
              setRecord('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('settings.activity.clear')}
          </button>
        )}
      </form>
      {pages.isLoading ? (
        <Loading />
      ) : pages.error && !pages.data ? (
        <ErrorPanel error={pages.error} />
      ) : (
        <>
          <p aria-live="polite" className="muted">
            {items.length === 0
              ? t('settings.activity.none')
              : t(pages.hasNextPage ? 'settings.activity.shownMore' : 'settings.activity.shownAll', {
                  count: items.length,
                })}
          </p>
          <ol className="settings__entries">
            {items.map((a) => (
              <ActivityEntry
                key={a.id}
                entry={a}
                actionName={actionName(a.action)}
                when={when.format(new Date(a.at))}
                onlyThis={a.targetId && a.targetId !== filters.targetId ? onlyThis(a.targetId) : undefined}
              />
            ))}
          </ol>
          {pages.hasNextPage && (
            <button
              type="button"
              className="btn"
              disabled={pages.isFetchingNextPage}
              onClick={() => pages.fetchNextPage()}
            >
              {pages.isFetchingNextPage ? t('settings.activity.loading') : t('settings.activity.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
