import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { Labels, LongLabels } from './translations.ts';

/** One value of a thesaurus; `group` names its parent value (one level only). */
export const ThesaurusValue = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes')
    .describe('Stable value id stored in metadata'),
  label: z.string().min(1).max(300),
  labels: Labels.optional(),
  group: z.string().optional().describe('Id of the group value this value belongs to'),
  description: z.string().max(2000).optional(),
  descriptions: LongLabels.optional(),
});
export type ThesaurusValue = z.infer<typeof ThesaurusValue>;

/** Input for creating or replacing a thesaurus. */
export const ThesaurusInput = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]{0,63}$/, 'must be camelCase letters and digits')
    .describe('Unique thesaurus name'),
  label: z.string().min(1).max(200),
  labels: Labels.optional(),
  values: z.array(ThesaurusValue).max(5000),
});
export type ThesaurusInput = z.infer<typeof ThesaurusInput>;

/** A stored thesaurus. */
export const Thesaurus = ThesaurusInput.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type Thesaurus = z.infer<typeof Thesaurus>;
