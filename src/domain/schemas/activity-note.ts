import { z } from 'zod';

/**
 * What an activity entry says, as a stable code and the values it names (decision 64): the server words it
 * in English for the API, the CLI and logs (`activitySummary`), the web app in its reader's language. Names
 * (entity titles, file names, usernames) are data and stay as they were written; template and relation
 * type names let a client show its own labels for them.
 */
export const ActivityCode = z.enum([
  'entity.created',
  'entity.imported',
  'entity.updated',
  'entity.reimported',
  'entity.replaced',
  'entity.published',
  'entity.unpublished',
  'entity.bulkPublished',
  'entity.bulkUnpublished',
  'entity.bulkSet',
  'entity.reverted',
  'entity.valueMerged',
  'entity.templateChanged',
  'entity.deleted',
  'file.uploaded',
  'file.imported',
  'file.replaced',
  'file.tocEdited',
  'file.reanchored',
  'file.ocrQueued',
  'reference.created',
  'reference.deleted',
  'reference.reattached',
  'template.created',
  'template.updated',
  'template.imported',
  'template.reimported',
  'thesaurus.created',
  'thesaurus.updated',
  'thesaurus.reimported',
  'relationType.created',
  'relationType.updated',
  'relationType.deleted',
  'site.updated',
  'user.added',
  'user.removed',
  'user.updated',
  'user.resetLink',
  'user.passwordReset',
  'user.locked',
  'session.signedIn',
  'session.signedOut',
  'uwazi.request',
]);
export type ActivityCode = z.infer<typeof ActivityCode>;

/** The values an entry names: texts, counts, yes/no, and lists (field names, property labels). */
export const ActivityParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
);
export type ActivityParams = z.infer<typeof ActivityParams>;

/** An entry's code and values, as stored beside its English summary. */
export const ActivityNote = z.object({ code: ActivityCode, params: ActivityParams });
export type ActivityNote = z.infer<typeof ActivityNote>;
