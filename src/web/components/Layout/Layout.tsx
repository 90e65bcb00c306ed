import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useCan } from '../../api/session.ts';
import { useSiteTexts } from '../../api/site.ts';
import { NARROW, useMediaQuery } from '../../lib/useMediaQuery.ts';
import { Loading } from '../Status/Loading.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SessionMenu } from './SessionMenu.tsx';
import './Layout.css';

const NAV = [
  { to: '/', key: 'nav.map', end: true },
  { to: '/browse', key: 'nav.browse', end: false },
  { to: '/compare', key: 'nav.compare', end: false },
  { to: '/search', key: 'nav.search', end: false },
  { to: '/glossary', key: 'nav.glossary', end: false },
] as const;

/** Page frame: skip link, header with navigation, the routed scene, footer. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname, hash } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // Phones: the brand, a Menu button and the session on one line; the navigation opens below them.
  const narrow = useMediaQuery(NARROW);
  const [menuOpen, setMenuOpen] = useState(false);
  const isEditor = useCan('editor');
  const site = useSiteTexts();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setMenuOpen(false), [pathname]);

  // After a client-side navigation to another page, put focus at the start of the new content, as a page
  // load would. Not when only the query or the hash changed (a filter, "Show all", a tab): the reader is
  // still on the page, and focus stays where the page put it.
  const shownPath = useRef(pathname);
  useEffect(() => {
    // The first page (and any query or hash change) keeps the path it was shown with.
    if (pathname === shownPath.current) return;
    shownPath.current = pathname;
    if (!hash) mainRef.current?.focus({ preventScroll: false });
  }, [pathname, hash]);

  return (
    <div className="layout">
      <a className="layout__skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="layout__header no-print">
        <div className="layout__bar">
          <Link to="/" className="layout__brand">
            <span className="layout__logo" aria-hidden="true" />
            <span>{site.name}</span>
          </Link>
          {narrow && (
            <button
              type="button"
              className="layout__menu"
              aria-expanded={menuOpen}
              aria-controls="layout-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              <span className="layout__menu-icon" aria-hidden="true" />
              {t('nav.menu')}
            </button>
          )}
          <nav
            id="layout-nav"
            aria-label={t('nav.label')}
            className="layout__nav"
            hidden={narrow && !menuOpen}
          >
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
              {isEditor && (
                <li>
                  <NavLink to="/translations">{t('nav.translations')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <SessionMenu />
          {narrow ? menuOpen && <LanguageSwitcher inline /> : <LanguageSwitcher inline={false} />}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="layout__main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="layout__footer no-print">
        <p className="layout__footer-text">{site.footer}</p>
        {site.contactEmail && (
          <p>
            {t('app.contact')} <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
          </p>
        )}
      </footer>
    </div>
  );
}
