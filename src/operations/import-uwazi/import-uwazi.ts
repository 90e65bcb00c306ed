import { newId } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { fileUrlRewriter, planFileIds } from './file-urls.ts';
import { importActivity, importUsers } from './import-accounts.ts';
import { defaultFilesDir, importFiles } from './import-files.ts';
import { importReferences } from './import-references.ts';
import { planConnections } from './plan-connections.ts';
import { planEntities } from './plan-entities.ts';
import { planSchema } from './plan-schema.ts';
import { type BsonDoc, readUwaziDump } from './read-dump.ts';
import { emptyReport, type ImportReport } from './report.ts';
import { peopleOf } from './sharing.ts';
import { applyProfileChoice, type ProfileChoice, resolveProfileChoice } from './site-profiles.ts';
import { writeEntities } from './write-entities.ts';
import { writeSchema } from './write-schema.ts';

export { defaultFilesDir } from './import-files.ts';
export { formatReport, type ImportReport } from './report.ts';

/**
 * Brings an Uwazi database (a `mongodump`) and its uploaded files into the collection (issue 12): relation
 * types, thesauri, templates, accounts, entities (one record per `sharedId`, languages as translations),
 * hub connections as relationships, files through our ingestion, text connections as references, the
 * activity log. Idempotent by Uwazi id (`import_mappings`): a record an earlier run imported is found, not
 * duplicated; an entity changed in Uwazi since is updated, one unchanged there is left as it is.
 * `dryRun` reads, maps and validates everything and writes nothing. `drain` runs the ingest queue (the
 * CLI's runner) before text connections are anchored in the files' new text; without it they are skipped
 * for a later run.
 */
export async function importUwazi({
  store,
  dumpDir,
  filesDir = defaultFilesDir(dumpDir),
  dryRun = false,
  drain,
  profiles = {},
}: {
  store: Store;
  dumpDir: string;
  filesDir?: string | null;
  dryRun?: boolean;
  drain?: () => Promise<void>;
  /** Templates (ours or the dump's, by name or label) to make the site's State and Organisation profiles. */
  profiles?: ProfileChoice;
}): Promise<ImportReport> {
  const dump = await readUwaziDump(dumpDir);
  const report = emptyReport(dryRun);
  const settings = dump.settings[0] ?? {};
  const languages = ((settings.languages ?? []) as BsonDoc[]).map((l) => String(l.key));
  const defaultLanguage =
    String(((settings.languages ?? []) as BsonDoc[]).find((l) => l.default)?.key ?? '') ||
    String(dump.entities[0]?.language ?? 'en');
  report.defaultLanguage = defaultLanguage;
  report.languages = languages.length ? languages : [defaultLanguage];

  const mappings = await store.importMappings.list('uwazi');
  const mappedIn = (kind: string) => mappings.get(kind);

  const defaultCopy = new Map<string, BsonDoc>();
  for (const e of dump.entities) {
    const sharedId = String(e.sharedId ?? '');
    if (!defaultCopy.has(sharedId) || e.language === defaultLanguage) defaultCopy.set(sharedId, e);
  }
  const connections = planConnections(
    dump,
    (id) => defaultCopy.get(id),
    report,
    (id) => mappedIn('entity')?.has(id) ?? false,
  );
  const schema = planSchema({
    dump,
    defaultLanguage,
    mappings,
    taken: {
      templates: new Set((await store.templates.list()).map((t) => t.name)),
      thesauri: new Set((await store.thesauri.list()).map((t) => t.name)),
      relationTypes: new Set((await store.relationTypes.list()).map((t) => t.name)),
    },
    hubRelationTypes: connections.hubRelationTypes,
    report,
  });
  const profileChoice = await resolveProfileChoice(store, profiles, schema.templates);
  const { templates, thesauri } = await writeSchema({ store, plan: schema, dryRun, report });
  await applyProfileChoice({ store, choice: profileChoice, templates: schema.templates, dryRun, report });
  const userIds = await importUsers({ store, users: dump.users, mapped: mappedIn('user'), dryRun, report });

  // Our ids of the files come first, so media and image values can point at our copies (decision 53).
  const fileIds = planFileIds({ files: dump.files, filesDir, mapped: mappedIn('file'), newId });
  const entities = planEntities({
    entities: dump.entities,
    defaultLanguage,
    templates: new Map(schema.templates.map((t) => [t.uwaziId, t])),
    connections,
    existingId: (sharedId) => mappedIn('entity')?.get(sharedId),
    newId,
    fileUrl: fileUrlRewriter(dump.files, fileIds),
    people: peopleOf(dump.users, dump.usergroups),
    report,
  });
  const present = await writeEntities({
    store,
    plans: entities,
    templates,
    thesauri,
    traces: await store.importMappings.traces('uwazi', 'entity'),
    userIdOf: (id) => userIds.get(id),
    dryRun,
    report,
  });
  const entityIds = new Map(entities.filter((e) => present.has(e.id)).map((e) => [e.sharedId, e.id]));
  const entityIdOf = (sharedId: string) => entityIds.get(sharedId);
  const storedFileIds = await importFiles({
    store,
    files: dump.files,
    filesDir,
    entityIdOf,
    mapped: mappedIn('file'),
    planned: fileIds,
    dryRun,
    report,
  });
  await importActivity({
    store,
    logs: dump.activitylogs,
    userIdOf: (id) => userIds.get(id),
    mapped: mappedIn('activity'),
    dryRun,
    report,
  });
  if (!dryRun && drain) await drain();
  if (connections.texts.length && (dryRun || drain))
    await importReferences({
      store,
      texts: connections.texts,
      fileIdOf: (id) => storedFileIds.get(id),
      entityIdOf,
      relationTypeOf: (id) => schema.relationTypeName.get(id),
      mapped: mappedIn('reference'),
      dryRun,
      report,
    });
  else if (connections.texts.length)
    report.kinds.references.failed.push(
      `${connections.texts.length} text connections wait for their files' text: run the import again once ingestion is done`,
    );
  return report;
}
