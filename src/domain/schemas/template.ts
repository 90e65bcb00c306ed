import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { Labels, LongLabels } from './translations.ts';

/** Every property type a template may use. */
export const PROPERTY_TYPES = [
  'text',
  'markdown',
  'number',
  'date',
  'daterange',
  'multidate',
  'multidaterange',
  'select',
  'multiselect',
  'relationship',
  'link',
  'geolocation',
  'image',
  'media',
  'generatedId',
] as const;
export const PropertyType = z.enum(PROPERTY_TYPES).describe('Type of the values this property holds');
export type PropertyType = z.infer<typeof PropertyType>;

/** A typed field of a template. */
export const Property = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]{0,63}$/, 'must be camelCase letters and digits, starting with a letter')
      .describe('Key of the value in entity metadata'),
    label: z.string().min(1).max(200).describe('Label shown to readers'),
    labels: Labels.optional(),
    type: PropertyType,
    description: z
      .string()
      .max(2000)
      .optional()
      .describe('Glossary definition shown on hover and on the glossary page'),
    descriptions: LongLabels.optional(),
    required: z.boolean().default(false).describe('An entity without a value is rejected'),
    filterable: z.boolean().default(false).describe('Offered as a search facet and map filter'),
    showInCard: z.boolean().default(false).describe('Shown on result cards'),
    section: z.string().max(200).optional().describe('Profile group heading this property belongs to'),
    thesaurus: z.string().optional().describe('Thesaurus name (select and multiselect)'),
    targetTemplate: z.string().optional().describe('Template name of related entities (relationship)'),
    relationType: z
      .string()
      .optional()
      .describe('Relation type name the links of this relationship property carry (imported from Uwazi)'),
    inverseOf: z
      .string()
      .optional()
      .describe(
        'Relationship property of the target template this one mirrors (e.g. membership ↔ memberStates)',
      ),
  })
  .superRefine((p, ctx) => {
    if ((p.type === 'select' || p.type === 'multiselect') && !p.thesaurus)
      ctx.addIssue({ code: 'custom', path: ['thesaurus'], message: `${p.type} property needs a thesaurus` });
  });
export type Property = z.infer<typeof Property>;

/** Input for creating or replacing a template. */
export const TemplateInput = z.object({
  name: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]{0,63}$/, 'must be PascalCase letters and digits')
    .describe('Unique template name (State, Organisation, Document…)'),
  label: z.string().min(1).max(200),
  labels: Labels.optional(),
  sectionLabels: z
    .record(z.string().min(1).max(200), Labels)
    .optional()
    .describe("Section headings in other languages, keyed by the property's `section`"),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  properties: z
    .array(Property)
    .max(200)
    .superRefine((props, ctx) => {
      const seen = new Set<string>();
      props.forEach((p, i) => {
        if (seen.has(p.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate property "${p.name}"` });
        seen.add(p.name);
      });
    }),
});
export type TemplateInput = z.infer<typeof TemplateInput>;

/** A stored template. */
export const Template = TemplateInput.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type Template = z.infer<typeof Template>;
