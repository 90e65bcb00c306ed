import type { ActivityCode, ActivityNote, ActivityParams } from './schemas/activity-note.ts';

const str = (p: ActivityParams, k: string) => (p[k] === undefined ? '' : String(p[k]));
const num = (p: ActivityParams, k: string) => Number(p[k] ?? 0);
const yes = (p: ActivityParams, k: string) => p[k] === true;
const list = (p: ActivityParams, k: string): string[] => (Array.isArray(p[k]) ? (p[k] as string[]) : []);
const fieldsOr = (p: ActivityParams, none: string) =>
  list(p, 'fields').length ? `: ${list(p, 'fields').join(', ')}` : none;
/** `Template "title"`: how an entity is named in a summary. */
const entity = (p: ActivityParams) => `${str(p, 'template')} "${str(p, 'title')}"`;
const connection = (p: ActivityParams) => `"${str(p, 'source')}" ${str(p, 'relation')} "${str(p, 'target')}"`;

/** The English sentence of each code: the API's, the CLI's and the logs' `summary`. */
const ENGLISH: Record<ActivityCode, (p: ActivityParams) => string> = {
  'entity.created': (p) => `Created ${entity(p)}${yes(p, 'published') ? ' (published)' : ''}`,
  'entity.imported': (p) => `Imported ${entity(p)} from Uwazi${yes(p, 'published') ? ' (published)' : ''}`,
  'entity.updated': (p) => `Updated ${entity(p)}${fieldsOr(p, ' (no changes)')}`,
  'entity.reimported': (p) => `Updated ${entity(p)} from Uwazi: ${list(p, 'fields').join(', ')}`,
  'entity.replaced': (p) => `Replaced ${entity(p)}${fieldsOr(p, ' (no changes)')}`,
  'entity.published': (p) => `Published ${entity(p)}${yes(p, 'already') ? ' (already so)' : ''}`,
  'entity.unpublished': (p) => `Unpublished ${entity(p)}${yes(p, 'already') ? ' (already so)' : ''}`,
  'entity.bulkPublished': (p) => `Published ${entity(p)} (bulk edit)`,
  'entity.bulkUnpublished': (p) => `Unpublished ${entity(p)} (bulk edit)`,
  'entity.bulkSet': (p) => `Set ${str(p, 'property')} of ${entity(p)} (bulk edit)`,
  'entity.reverted': (p) =>
    `Reverted entry ${num(p, 'entry')} on ${entity(p)}: ${list(p, 'fields').join(', ') || 'no changes'}`,
  'entity.valueMerged': (p) =>
    `Merged "${str(p, 'from')}" into "${str(p, 'into')}" (${str(p, 'thesaurus')}) on ${entity(p)}`,
  'entity.templateChanged': (p) =>
    `Template ${str(p, 'template')} changed: ${list(p, 'held').join(', ')} of "${str(p, 'title')}"` +
    (list(p, 'removed').length ? ` (removed: ${list(p, 'removed').join(', ')})` : ' (converted)'),
  'entity.deleted': (p) => `Deleted ${entity(p)}${num(p, 'files') ? ` and ${num(p, 'files')} file(s)` : ''}`,
  'file.uploaded': (p) =>
    `Uploaded ${str(p, 'filename')} (${str(p, 'kind')}, ${num(p, 'size')} bytes) to "${str(p, 'title')}"`,
  'file.imported': (p) =>
    `Imported ${str(p, 'fileRole')} ${str(p, 'filename')} from Uwazi (${str(p, 'kind')}, ${num(p, 'size')} bytes)`,
  'file.replaced': (p) =>
    `Replaced ${str(p, 'previous')} of "${str(p, 'title')}" with a new version ${str(p, 'filename')} (${str(p, 'kind')}, ${num(p, 'size')} bytes)`,
  'file.tocEdited': (p) =>
    `Edited the table of contents of ${str(p, 'filename')} (${num(p, 'entries')} entries)`,
  'file.reanchored': (p) =>
    `Re-anchored ${num(p, 'total')} connection(s) of ${str(p, 'filename')}: ${num(p, 'moved')} moved, ${num(p, 'orphaned')} orphaned`,
  'file.ocrQueued': (p) => `Queued OCR of ${str(p, 'filename')} in ${str(p, 'language')}`,
  'reference.created': (p) =>
    `Connected "${str(p, 'source')}" ${str(p, 'relation')} ${p.target !== undefined ? `"${str(p, 'target')}" in ` : ''}"${str(p, 'title')}"`,
  'reference.deleted': (p) => `Deleted connection ${connection(p)}`,
  'reference.reattached': (p) =>
    `Re-attached the ${str(p, 'side')} of ${connection(p)}${yes(p, 'stillLost') ? ' (its other end is still lost)' : ''}`,
  'template.created': (p) => `Created template ${str(p, 'template')} (${num(p, 'properties')} properties)`,
  'template.updated': (p) => `Updated template ${str(p, 'template')} (${num(p, 'properties')} properties)`,
  'template.imported': (p) =>
    `Imported template ${str(p, 'template')} from Uwazi (${num(p, 'properties')} properties)`,
  'template.reimported': (p) =>
    `Updated template ${str(p, 'template')} from Uwazi: added ${list(p, 'added').join(', ')}`,
  'thesaurus.created': (p) => `Created thesaurus ${str(p, 'thesaurus')} (${num(p, 'values')} values)`,
  'thesaurus.updated': (p) => `Updated thesaurus ${str(p, 'thesaurus')} (${num(p, 'values')} values)`,
  'thesaurus.reimported': (p) =>
    `Updated thesaurus ${str(p, 'thesaurus')} from Uwazi: ${[
      num(p, 'valuesAdded') ? `${num(p, 'valuesAdded')} values added` : '',
      num(p, 'relabelled') ? `${num(p, 'relabelled')} relabelled` : '',
    ]
      .filter(Boolean)
      .join(', ')}`,
  'relationType.created': (p) => `Created relation type "${str(p, 'label')}" / "${str(p, 'inverse')}"`,
  'relationType.updated': (p) => `Updated relation type "${str(p, 'label')}" / "${str(p, 'inverse')}"`,
  'relationType.deleted': (p) =>
    `Deleted relation type "${str(p, 'label')}" / "${str(p, 'inverse')}"` +
    (p.movedTo !== undefined
      ? ` (${num(p, 'connections')} connections and ${num(p, 'properties')} properties moved to "${str(p, 'movedTo')}")`
      : ''),
  'site.updated': (p) =>
    list(p, 'fields').length
      ? `Site settings: ${list(p, 'fields').join(', ')}`
      : 'Site settings saved (no changes)',
  'user.added': (p) => `Added ${str(p, 'role')} ${str(p, 'username')}`,
  'user.removed': (p) => `Removed ${str(p, 'role')} ${str(p, 'username')}`,
  'user.updated': (p) => {
    const changes = [
      yes(p, 'password') ? 'password' : '',
      p.roleTo !== undefined ? `role ${str(p, 'roleFrom')} → ${str(p, 'roleTo')}` : '',
      yes(p, 'disabled') ? 'disabled' : '',
      yes(p, 'enabled') ? 'enabled' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `Updated ${str(p, 'username')}${changes ? `: ${changes}` : ' (no changes)'}`;
  },
  'user.resetLink': (p) => `Password-reset link for ${str(p, 'username')}, valid until ${str(p, 'until')}`,
  'user.passwordReset': (p) => `${str(p, 'username')} set a new password through a reset link`,
  'user.locked': (p) =>
    `${str(p, 'username')} locked for ${num(p, 'minutes')} minutes after ${num(p, 'failures')} failed sign-ins (browsers that signed in before are not locked)`,
  'session.signedIn': (p) => `${str(p, 'username')} signed in`,
  'session.signedOut': (p) => `${str(p, 'username')} signed out`,
  'uwazi.request': (p) => `${str(p, 'method')} ${str(p, 'url')} ${str(p, 'body')}`,
};

/** The English sentence of an entry's code and values. */
export const activitySummary = (note: ActivityNote): string => ENGLISH[note.code](note.params);
