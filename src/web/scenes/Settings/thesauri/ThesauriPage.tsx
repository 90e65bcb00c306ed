import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useThesauri } from '../../../api/hooks.ts';
import { ErrorPanel } from '../../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.ts';
import '../schema/schema.css';
import { NewThesaurus } from './NewThesaurus.tsx';
import { ThesaurusEditor } from './ThesaurusEditor.tsx';

/**
 * `/admin/thesauri` and `/admin/thesauri/:name`: the thesauri, one thesaurus's values in six languages, and a
 * new thesaurus.
 */
export default function ThesauriPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.nav.thesauri'));
  const { name } = useParams();
  const { data, error, isLoading, refetch } = useThesauri();
  // The app keeps thesauri for the session; an admin about to edit them needs what is stored now.
  useEffect(() => {
    void refetch();
  }, [refetch]);
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  const chosen = data.find((x) => x.name === name);
  return (
    <section aria-labelledby="thesauri-title">
      <h2 id="thesauri-title">{t('settings.nav.thesauri')}</h2>
      <ul className="settings__chips">
        {data.map((x) => (
          <li key={x.name}>
            <Link
              to={`/admin/thesauri/${encodeURIComponent(x.name)}`}
              aria-current={x.name === name ? 'page' : undefined}
            >
              {x.label}
            </Link>
          </li>
        ))}
      </ul>
      {chosen ? (
        <ThesaurusEditor key={chosen.name} thesaurus={chosen} />
      ) : (
        <>
          <p className="muted">{t('settings.thesauri.choose')}</p>
          <NewThesaurus taken={new Set(data.map((x) => x.name))} />
        </>
      )}
    </section>
  );
}
