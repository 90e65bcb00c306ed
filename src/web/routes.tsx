import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Layout } from './components/Layout/Layout.tsx';
import { RouteError } from './components/Status/RouteError.tsx';
// Profiles are the pages most often opened from a shared link: their code comes with the entry chunk.
import ProfilePage from './scenes/Profile/ProfilePage.tsx';

// Every other scene is its own chunk: the first route loads only what it shows.
const HomePage = lazy(() => import('./scenes/Home/HomePage.tsx'));
const BrowsePage = lazy(() => import('./scenes/Browse/BrowsePage.tsx'));
const ComparePage = lazy(() => import('./scenes/Compare/ComparePage.tsx'));
const GlossaryPage = lazy(() => import('./scenes/Glossary/GlossaryPage.tsx'));
const SearchPage = lazy(() => import('./scenes/Search/SearchPage.tsx'));
const DocumentPage = lazy(() => import('./scenes/Document/DocumentPage.tsx'));
const EntityRedirect = lazy(() => import('./scenes/Document/EntityRedirect.tsx'));
const TranslationsPage = lazy(() => import('./scenes/Translations/TranslationsPage.tsx'));
const EditorPage = lazy(() => import('./scenes/Editor/EditorPage.tsx'));
const SignInPage = lazy(() => import('./scenes/SignIn/SignInPage.tsx'));
const ImportPage = lazy(() => import('./scenes/Import/ImportPage.tsx'));
const SettingsLayout = lazy(() => import('./scenes/Settings/SettingsLayout.tsx'));
const SettingsIndex = lazy(() =>
  import('./scenes/Settings/SettingsLayout.tsx').then((m) => ({ default: m.SettingsIndex })),
);
const AccountsPage = lazy(() => import('./scenes/Settings/AccountsPage.tsx'));
const ActivityPage = lazy(() => import('./scenes/Settings/ActivityPage.tsx'));
const OrphanedPage = lazy(() => import('./scenes/Settings/OrphanedPage.tsx'));
const ThesauriPage = lazy(() => import('./scenes/Settings/thesauri/ThesauriPage.tsx'));
const TemplatesPage = lazy(() => import('./scenes/Settings/templates/TemplatesPage.tsx'));
const RelationTypesPage = lazy(() => import('./scenes/Settings/relation-types/RelationTypesPage.tsx'));
const ReattachPage = lazy(() => import('./scenes/Settings/reattach/ReattachPage.tsx'));
const SitePage = lazy(() => import('./scenes/Settings/SitePage.tsx'));
const ResetPasswordPage = lazy(() => import('./scenes/ResetPassword/ResetPasswordPage.tsx'));
const NotFoundPage = lazy(() => import('./scenes/NotFound/NotFoundPage.tsx'));

/** The app's routes. */
const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'states/:slug', element: <ProfilePage kind="state" /> },
      { path: 'organisations/:slug', element: <ProfilePage kind="organisation" /> },
      { path: 'browse', element: <BrowsePage /> },
      { path: 'compare', element: <ComparePage /> },
      { path: 'glossary', element: <GlossaryPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'documents/:id', element: <DocumentPage /> },
      { path: 'entities/:id', element: <EntityRedirect /> },
      { path: 'translations', element: <TranslationsPage /> },
      { path: 'entities/:id/edit', element: <EditorPage /> },
      { path: 'new/:template', element: <EditorPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'admin/import', element: <ImportPage /> },
      {
        path: 'admin',
        element: <SettingsLayout />,
        children: [
          { index: true, element: <SettingsIndex /> },
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'orphaned', element: <OrphanedPage /> },
          { path: 'orphaned/:id', element: <ReattachPage /> },
          { path: 'site', element: <SitePage /> },
          { path: 'thesauri', element: <ThesauriPage /> },
          { path: 'thesauri/:name', element: <ThesauriPage /> },
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'templates/:name', element: <TemplatesPage /> },
          { path: 'relation-types', element: <RelationTypesPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The routes under the language of the address (`/fr/states/france`): the basename keeps the language in every
 * link and navigation without any component knowing it; changing language loads the page anew.
 */
export const createRouter = (language: string) => createBrowserRouter(routes, { basename: `/${language}` });
