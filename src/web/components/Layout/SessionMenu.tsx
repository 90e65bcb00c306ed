import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useCan, useSession, useSignOut } from '../../api/session.ts';

/** Sign in (returning here afterwards), or who is signed in and Sign out. */
export function SessionMenu() {
  const { t } = useTranslation();
  const { pathname, search, hash } = useLocation();
  const session = useSession();
  const signOut = useSignOut();
  const isEditor = useCan('editor');
  const user = session.data?.user;
  if (session.isLoading) return null;
  if (!user) {
    if (pathname === '/signin') return null;
    return (
      <Link className="layout__session" to={`/signin?next=${encodeURIComponent(pathname + search + hash)}`}>
        {t('signin.link')}
      </Link>
    );
  }
  return (
    <span className="layout__session">
      <span>
        {user.username} <span className="layout__role">({t(`signin.roles.${user.role}`)})</span>
      </span>
      {isEditor && (
        <Link className="layout__signout" to="/admin">
          {t('settings.link')}
        </Link>
      )}
      <button type="button" className="layout__signout" onClick={() => signOut.mutate()}>
        {t('signin.signOut')}
      </button>
    </span>
  );
}
