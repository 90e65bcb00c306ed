import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { prefetchForPath } from './api/prefetch.ts';
import { ToastProvider } from './components/Toast/Toast.tsx';
import { setupI18n } from './i18n/index.ts';
import { router } from './routes.tsx';
import './styles/base.css';

setupI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 404 or 403 will not change on retry; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

prefetchForPath(queryClient, window.location.pathname, window.location.search);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
