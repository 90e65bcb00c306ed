import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ComingPanel } from '../../components/ComingPanel/ComingPanel.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

/**
 * `/search` — placeholder until the search scene (issue 4/6 item 6) replaces this file. It keeps the query
 * parameter so links made now keep working.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t('search.title'));
  return <ComingPanel title={t('search.title')} text={t('search.coming', { q: params.get('q') ?? '' })} />;
}
