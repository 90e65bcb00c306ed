import { ThesaurusCsvImportInput, type ThesaurusCsvImportResult } from '../../domain/schemas/schema-admin.ts';
import { planThesaurusCsv, thesaurusToCsv } from '../../domain/thesaurus-csv.ts';
import type { Store } from '../../store/store.ts';
import { fieldErrors, NotFound, ValidationFailed } from '../errors.ts';
import { type Actor, requireRole } from '../permissions.ts';
import { saveThesaurus } from '../save-thesaurus.ts';

/** `GET /thesauri/:name/csv`: one thesaurus as CSV, one column per language (anyone may read thesauri). */
export async function exportThesaurusCsv({ store, name }: { store: Store; name: string }) {
  const t = await store.thesauri.findByName(name);
  if (!t) throw new NotFound('Thesaurus', name);
  return thesaurusToCsv(t);
}

/**
 * `POST /thesauri/:name/csv` (admins): checks a CSV of values against the thesaurus (planThesaurusCsv) and,
 * unless it is a dry run or any row is wrong, saves the result as one replacement of the thesaurus (logged,
 * reindexed when labels changed). A file with errors writes nothing.
 */
export async function importThesaurusCsv({
  store,
  actor,
  name,
  input,
}: {
  store: Store;
  actor: Actor;
  name: string;
  input: ThesaurusCsvImportInput;
}): Promise<ThesaurusCsvImportResult> {
  const who = requireRole(actor, 'admin');
  const parsed = ThesaurusCsvImportInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const t = await store.thesauri.findByName(name);
  if (!t) throw new NotFound('Thesaurus', name);
  const plan = planThesaurusCsv(t, parsed.data.csv);
  const result: ThesaurusCsvImportResult = {
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    errors: plan.errors,
    applied: false,
    jobIds: [],
  };
  const nothing = plan.added.length === 0 && plan.updated.length === 0;
  if (parsed.data.dryRun || plan.errors.length || nothing) return result;
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = t;
  const saved = await saveThesaurus({ store, actor: who, name, input: { ...rest, values: plan.values } });
  return { ...result, applied: true, jobIds: saved.jobIds };
}
