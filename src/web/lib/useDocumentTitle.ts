import { useEffect } from 'react';
import { useSiteTexts } from '../api/site.ts';

/** Sets the browser tab title to "<page> · <the site's name>" (its admin's, else the translated default). */
export function useDocumentTitle(title: string): void {
  const { name } = useSiteTexts();
  useEffect(() => {
    document.title = `${title} · ${name}`;
  }, [title, name]);
}
