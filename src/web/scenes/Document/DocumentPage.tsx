import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useEntityView } from '../../api/hooks.ts';
import { ComingPanel } from '../../components/ComingPanel/ComingPanel.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

/**
 * `/documents/:id` — placeholder until the document viewer (issue 5) replaces this file. It names the document
 * and links to the plain-text view the server renders.
 */
export default function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data } = useEntityView(id);
  const title = data?.entity.title ?? t('document.title');
  useDocumentTitle(title);
  return (
    <ComingPanel title={title} text={t('document.coming')}>
      <Link to={`/documents/${id}/text`} reloadDocument>
        {t('document.textView')}
      </Link>
    </ComingPanel>
  );
}
