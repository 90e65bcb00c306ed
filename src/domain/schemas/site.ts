import { z } from 'zod';

/** The name a portal has until its admin gives it one. */
export const DEFAULT_SITE_NAME = 'Cyber Policy Portal';

/** The document template and the map's ISO property of a portal whose admin has not named others. */
export const DEFAULT_DOCUMENT_TEMPLATE = 'Document';
export const DEFAULT_ISO_NUMERIC_PROPERTY = 'isoNumeric';

/**
 * The site's own settings (issue 10, item 6), edited by admins on `/admin/site` and read by everyone: the
 * name in the header and the page title, a contact address and a footer text in the footer, and which
 * templates are the portal's two kinds of profile and its documents, and which State property the map draws
 * by. The last two were added later: a body without them gets the defaults (decision 58).
 */
export const SiteSettings = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  contactEmail: z
    .union([z.literal(''), z.email('must be an e-mail address')])
    .describe('Shown in the footer as a mailto link; empty: none'),
  footerText: z.string().max(2000).describe('Plain text shown in every page footer; empty: none'),
  stateTemplate: z.string().min(1).max(64).describe('Name of the template whose entities are State profiles'),
  organisationTemplate: z
    .string()
    .min(1)
    .max(64)
    .describe('Name of the template whose entities are Organisation profiles'),
  documentTemplate: z
    .string()
    .min(1)
    .max(64)
    .default(DEFAULT_DOCUMENT_TEMPLATE)
    .describe(
      'Name of the template whose entities are documents: what "Add document" creates, what opens in the viewer',
    ),
  isoNumericProperty: z
    .string()
    .max(64)
    .default(DEFAULT_ISO_NUMERIC_PROPERTY)
    .describe(
      'Property of the State template holding the ISO 3166-1 numeric code the map draws by; empty: none',
    ),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/** What a portal shows before its admin changes anything. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  name: DEFAULT_SITE_NAME,
  contactEmail: '',
  footerText: '',
  stateTemplate: 'State',
  organisationTemplate: 'Organisation',
  documentTemplate: DEFAULT_DOCUMENT_TEMPLATE,
  isoNumericProperty: DEFAULT_ISO_NUMERIC_PROPERTY,
};
