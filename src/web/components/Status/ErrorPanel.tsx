import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import './Status.css';

/** Explains a failed load in words a reader can act on. */
export function ErrorPanel({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : null;
  const message =
    status === 404
      ? t('status.notFound')
      : status !== null
        ? t('status.serverError', { status })
        : t('status.offline');
  return (
    <div className="status status--error" role="alert">
      <strong>{t('status.errorTitle')}</strong> {message}
    </div>
  );
}
