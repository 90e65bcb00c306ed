import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SITE_SETTINGS, SiteSettings } from '../../domain/schemas/site.ts';
import { get, write } from './client.ts';

const key = ['site'] as const;

/** The query of the site's settings (everyone); changed only by an admin, so kept for the session. */
export const siteSettingsQuery = {
  queryKey: key,
  queryFn: ({ signal }: { signal?: AbortSignal }) => get(SiteSettings, '/site', signal),
  staleTime: 10 * 60_000,
};

/** The site's settings. */
export const useSiteSettings = () => useQuery<SiteSettings>(siteSettingsQuery);

/** Replaces the site's settings (admin); every screen showing them follows. */
export function useSaveSiteSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SiteSettings) => write(SiteSettings, 'PUT', '/site', input),
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
}

/**
 * The site's name and footer as shown: an admin's own name and footer text as they wrote them; until
 * then, the catalogue's translated defaults (a name set in one language is not translated).
 */
export function useSiteTexts() {
  const { t } = useTranslation();
  const site = useSiteSettings().data ?? DEFAULT_SITE_SETTINGS;
  return {
    name: site.name === DEFAULT_SITE_SETTINGS.name ? t('app.name') : site.name,
    footer: site.footerText || t('app.footer'),
    contactEmail: site.contactEmail,
    stateTemplate: site.stateTemplate,
    organisationTemplate: site.organisationTemplate,
  };
}
