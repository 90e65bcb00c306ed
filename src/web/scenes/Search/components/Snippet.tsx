import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SAFE_SNIPPET } from '../searchState.ts';

type SnippetData = { paragraphId: string; fileId: string; page: number; html: string };

/** One matching passage: "p. N" linking to the page of the document, the text with matched words marked. */
export function Snippet({ documentId, snippet }: { documentId: string; snippet: SnippetData }) {
  const { t } = useTranslation();
  // The file is named: a document may hold one file per language, and the words were found in this one.
  const href = `/documents/${encodeURIComponent(documentId)}?page=${snippet.page}&file=${encodeURIComponent(snippet.fileId)}#p-${encodeURIComponent(snippet.paragraphId)}`;
  const safe = SAFE_SNIPPET.test(snippet.html);
  return (
    <li className="ssnippet">
      {/* The visible "p. N" starts the link's name (WCAG 2.5.3): speech users say what they see. */}
      <Link to={href} className="ssnippet__page">
        {t('search.page', { page: snippet.page })}
        <span className="visually-hidden">{t('search.pageLinkHint')}</span>
      </Link>{' '}
      {safe ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: checked against SAFE_SNIPPET (escaped text and <mark> only)
        <span className="ssnippet__text" dir="auto" dangerouslySetInnerHTML={{ __html: snippet.html }} />
      ) : (
        <span className="ssnippet__text" dir="auto">
          {snippet.html}
        </span>
      )}
    </li>
  );
}
