import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts';
import { ReattachFlow } from './ReattachFlow.tsx';

/**
 * `/admin/orphaned/:id`: re-attaching one orphaned connection from the settings' list; the way out leads
 * back to that list, and on to the document.
 */
export default function ReattachPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.reattach.title'));
  const { id = '' } = useParams();
  return (
    <ReattachFlow
      id={id}
      links={({ saved, entityId }) => (
        <>
          <Link to="/admin/orphaned">{saved ? t('settings.reattach.back') : t('settings.cancel')}</Link>
          <Link to={`/entities/${encodeURIComponent(entityId)}`}>{t('settings.reattach.open')}</Link>
        </>
      )}
    />
  );
}
