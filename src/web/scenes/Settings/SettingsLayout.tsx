import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import type { Role } from '../../../domain/schemas/index.ts';
import { useCan, useSession } from '../../api/session.ts';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import './Settings.css';

/** The settings screens and the least role the API asks of each (the web app hides what it would refuse). */
export const SETTINGS_SCREENS: { path: string; key: string; role: Role }[] = [
  { path: 'accounts', key: 'accounts', role: 'admin' },
  { path: 'activity', key: 'activity', role: 'admin' },
  { path: 'orphaned', key: 'orphaned', role: 'editor' },
  { path: 'templates', key: 'templates', role: 'admin' },
  { path: 'thesauri', key: 'thesauri', role: 'admin' },
  { path: 'relation-types', key: 'relationTypes', role: 'admin' },
  { path: 'import', key: 'import', role: 'admin' },
  { path: 'site', key: 'site', role: 'admin' },
];

/** `/admin`: the settings area, a nav of the screens the signed-in role may use and the open screen. */
export default function SettingsLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const isEditor = useCan('editor');
  const isAdmin = useCan('admin');
  if (session.isLoading) return <Loading />;
  if (!isEditor) return <EditorsOnly />;
  const screens = SETTINGS_SCREENS.filter((s) => s.role === 'editor' || isAdmin);
  return (
    <div className="page settings">
      <h1>{t('settings.title')}</h1>
      <nav className="settings__nav" aria-label={t('settings.navLabel')}>
        <ul>
          {screens.map((s) => (
            <li key={s.path}>
              <NavLink to={`/admin/${s.path}`}>{t(`settings.nav.${s.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings__screen">
        {/* The screens load as chunks of their own: the nav stays while one loads. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}

/** What a reader who is not an editor meets at `/admin`: a sign-in link. */
function EditorsOnly() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.title'));
  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <p>
        {t('settings.editorsOnly')} <Link to="/signin?next=/admin">{t('signin.link')}</Link>
      </p>
    </div>
  );
}

/** `/admin` itself: what each screen is for, as links. Each screen names the browser tab itself. */
export function SettingsIndex() {
  const { t } = useTranslation();
  const isAdmin = useCan('admin');
  useDocumentTitle(t('settings.title'));
  return (
    <ul className="settings__index">
      {SETTINGS_SCREENS.filter((s) => s.role === 'editor' || isAdmin).map((s) => (
        <li key={s.path} className="panel">
          <Link to={`/admin/${s.path}`}>{t(`settings.nav.${s.key}`)}</Link>
          <p className="muted">{t(`settings.about.${s.key}`)}</p>
        </li>
      ))}
    </ul>
  );
}
