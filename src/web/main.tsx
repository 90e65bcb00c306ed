import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { pickLanguage } from '../domain/languages.ts';
import { ApiError } from './api/client.ts';
import { prefetchForPath } from './api/prefetch.ts';
import { ToastProvider } from './components/Toast/Toast.tsx';
import { languageOfLocation, setupI18n } from './i18n/index.ts';
import { createRouter } from './routes.tsx';
import './styles/base.css';

// The server adds the language to an address without one; a static host (or `npx vite`) may not, so the
// browser's own preference decides here the same way.
let language = languageOfLocation();
if (!language) {
  language = pickLanguage(navigator.languages.join(','));
  const { pathname, search, hash } = window.location;
  window.history.replaceState(null, '', `/${language}${pathname === '/' ? '' : pathname}${search}${hash}`);
}
const { pathname, search } = window.location;
const inApp = pathname.slice(language.length + 1) || '/';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 404 or 403 will not change on retry; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

prefetchForPath(queryClient, inApp, search);

await setupI18n(language);
const router = createRouter(language);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          {/* Navigations as urgent updates, not transitions: typing keeps deferring a transition, so a filter
              or pick changed while the reader types would be read from the address before it (and lost). */}
          <RouterProvider router={router} useTransitions={false} />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
