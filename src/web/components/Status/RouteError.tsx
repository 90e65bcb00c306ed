import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './Status.css';

/** Shown when a route fails to render (a chunk that did not load, a bug). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="status status--error" role="alert">
        <strong>{t('status.errorTitle')}</strong> {t('status.routeError')} <Link to="/">{t('nav.home')}</Link>
      </div>
    </div>
  );
}
