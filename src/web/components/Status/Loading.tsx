import { useTranslation } from 'react-i18next';
import './Status.css';

/** A polite loading indicator. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="status status--loading" role="status" aria-live="polite">
      <span className="status__spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </div>
  );
}
