import { useQuery } from '@tanstack/react-query';
import { MissingTranslations, MissingTranslationsQuery } from '../../domain/schemas/missing-translations.ts';
import { checkedQuery, get } from './client.ts';

type Query = { lang: string; kind?: 'entities' | 'labels' | 'values'; offset: number; limit: number };

/** `GET /translations/missing` for the translations view (editors). */
export const useMissingTranslations = (query: Query) =>
  useQuery({
    queryKey: ['translations-missing', query],
    queryFn: ({ signal }) =>
      get(
        MissingTranslations,
        checkedQuery(MissingTranslationsQuery, '/translations/missing', query),
        signal,
      ),
    staleTime: 30_000,
  });
