import { cellValue, labelKey } from '../../domain/csv/csv-cells.ts';
import { type CsvColumn, planColumns } from '../../domain/csv/csv-columns.ts';
import { readCsv } from '../../domain/csv/read-csv.ts';
import { type FieldError, validateMetadata, validateTranslations } from '../../domain/metadata-validation.ts';
import type { EntityInput } from '../../domain/schemas/entity.ts';
import type { Template } from '../../domain/schemas/template.ts';
import type { Thesaurus, ThesaurusValue } from '../../domain/schemas/thesaurus.ts';
import type { EntityTranslations } from '../../domain/schemas/translations.ts';
import type { Store } from '../../store/store.ts';
import { ValidationFailed } from '../errors.ts';

/** A reason one row (spreadsheet numbering: the header is row 1) or column cannot be imported. */
export type ImportProblem = {
  row?: number;
  column?: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
};

/** A row ready to be written: the entity, and the names of its files in the ZIP. */
export type PlannedRow = {
  row: number;
  input: EntityInput & { translations: EntityTranslations };
  /** The `file` column: its documents (one, or several joined with `|`, as an export with files writes them). */
  documents: string[];
  attachments: string[];
  /**
   * Media and image cells that name one of the row's files in the ZIP: once uploaded, the value becomes that
   * file's address (decision 53). `lang`: the cell of a `<label>__xx` column.
   */
  fileValues?: FileValue[];
};

/** A media or image value to point at a file the row attaches, by its name in the ZIP. */
export type FileValue = { property: string; lang?: string; name: string };

/** What an import would do, shown before anything is written (the dry run and the browser's preview). */
export type CsvImportPlan = {
  template: string;
  delimiter: string;
  rows: number;
  columns: { name: string; meaning: string }[];
  problems: ImportProblem[];
  /** Thesaurus values that do not exist yet, each once, in the order first met. */
  newValues: { thesaurus: string; id: string; label: string; group?: string }[];
  planned: PlannedRow[];
};

const meaning = (c: CsvColumn) =>
  c.kind === 'property'
    ? `${c.property.name}${c.lang ? ` (${c.lang})` : ''}`
    : c.kind === 'title' && c.lang
      ? `title (${c.lang})`
      : c.kind;

/** A metadata error as a row's problem: its reason and code, the column standing for its path. */
const withoutPath = ({ path: _, ...rest }: FieldError) => rest;

/** The file names of a `file` or `attachments` cell, `|` between them. */
const fileNames = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/** A thesaurus value id from a label: lowercase letters and digits with dashes, unique in the thesaurus. */
function valueId(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'value';
  let id = /^[a-z0-9]/.test(base) ? base : `v-${base}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Titles of the entities of the templates relationship columns point to, for lookups by title. */
async function titleIndex(store: Store, templates: Set<string | undefined>) {
  const index = new Map<string, { id: string; template: string }[]>();
  const names = templates.has(undefined)
    ? (await store.templates.list()).map((t) => t.name)
    : [...templates].filter((t): t is string => !!t);
  for (const name of names) {
    const t = await store.templates.findByName(name);
    if (!t) continue;
    for (let offset = 0; ; offset += 500) {
      const page = await store.entities.list({
        templateId: t.id,
        limit: 500,
        offset,
        sort: 'createdAt',
        publishedOnly: false,
      });
      for (const e of page.items)
        for (const title of [e.title, ...Object.values(e.translations).map((x) => x?.title)]) {
          if (!title) continue;
          const list = index.get(labelKey(title)) ?? [];
          if (!list.some((x) => x.id === e.id)) list.push({ id: e.id, template: e.template });
          index.set(labelKey(title), list);
        }
      if (page.items.length < 500) break;
    }
  }
  return index;
}

/**
 * Reads a CSV file for one template and says, row by row, what importing it would write and what it
 * cannot: nothing is written here. Thesaurus values are matched by id or label in any language; unknown
 * ones become new values only when `addNewValues` is set, and then each distinct label once, however many
 * rows and spellings of case and spacing name it (Uwazi's import adds one per row, its #4369 and #5585).
 */
export async function planCsvImport({
  store,
  text,
  template: templateName,
  addNewValues = false,
  publish = false,
  files,
}: {
  store: Store;
  text: string;
  template: string;
  addNewValues?: boolean;
  /** Publish every row, unless a "published" column says otherwise. */
  publish?: boolean;
  /** File names in the ZIP, when the import came as one. */
  files?: Set<string>;
}): Promise<CsvImportPlan> {
  const template: Template | null = await store.templates.findByName(templateName);
  if (!template)
    throw new ValidationFailed([
      {
        path: 'template',
        message: `no template named "${templateName}"`,
        code: 'csv.noTemplate',
        params: { template: templateName },
      },
    ]);
  const table = readCsv(text);
  const { columns, errors } = planColumns(table.header, template);
  const problems: ImportProblem[] = errors.map((e) => ({ ...e }));
  const thesauri = await store.thesauri.mapByNames([
    ...new Set(template.properties.flatMap((p) => (p.thesaurus ? [p.thesaurus] : []))),
  ]);
  const targets = new Set(
    columns.flatMap((c) =>
      c.kind === 'property' && c.property.type === 'relationship' ? [c.property.targetTemplate] : [],
    ),
  );
  const titles: Map<string, { id: string; template: string }[]> = targets.size
    ? await titleIndex(store, targets)
    : new Map();
  const templateOfId = new Map([...titles.values()].flat().map((x) => [x.id, x.template]));
  // New values found by a first pass join the thesauri before the rows are converted for good.
  const added = new Map<string, ThesaurusValue[]>();
  const newValues: CsvImportPlan['newValues'] = [];
  const valuesOf = (name: string | undefined): ThesaurusValue[] => [
    ...(thesauri.get(name ?? '')?.values ?? []),
    ...(added.get(name ?? '') ?? []),
  ];
  const context = (add: boolean) => ({
    addNewValues: add,
    thesaurusValues: (p: { thesaurus?: string }) => valuesOf(p.thesaurus),
    idsByTitle: (title: string, target: string | undefined) =>
      (titles.get(labelKey(title)) ?? [])
        .filter((x: { template: string }) => !target || x.template === target)
        .map((x: { id: string }) => x.id),
  });
  const addValue = (name: string, label: string, group?: string): ThesaurusValue => {
    const value = {
      id: valueId(label, new Set(valuesOf(name).map((v) => v.id))),
      label,
      ...(group ? { group } : {}),
    };
    added.set(name, [...(added.get(name) ?? []), value]);
    newValues.push({ thesaurus: name, ...value });
    return value;
  };
  if (addNewValues)
    for (const cells of table.rows)
      columns.forEach((c, i) => {
        if (c.kind !== 'property' || !c.property.thesaurus) return;
        const name = c.property.thesaurus;
        for (const { label, group } of cellValue(c.property, cells[i] ?? '', context(true)).newValues ?? []) {
          // `group::child`: the child goes under the group of that label (or id), made first when missing.
          const groupId =
            group === undefined
              ? undefined
              : (
                  valuesOf(name).find(
                    (v) => !v.group && (labelKey(v.label) === labelKey(group) || v.id === group),
                  ) ?? addValue(name, group)
                ).id;
          if (valuesOf(name).some((v) => v.group === groupId && labelKey(v.label) === labelKey(label)))
            continue;
          addValue(name, label, groupId);
        }
      });
  const withAdded = new Map<string, Pick<Thesaurus, 'values'>>(
    [...new Set([...thesauri.keys(), ...added.keys()])].map((n) => [n, { values: valuesOf(n) }]),
  );
  const planned: PlannedRow[] = [];
  const ctx = context(false);
  // Problems name the file's own column headers, which the person fixing the file sees.
  const headerOf = new Map(
    columns.flatMap((c, i) =>
      c.kind === 'property' && !c.lang ? [[c.property.name, table.header[i]!] as const] : [],
    ),
  );
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const rowProblems: ImportProblem[] = [];
    const metadata: Record<string, unknown> = {};
    const translations: Record<string, { title?: string; metadata?: Record<string, unknown> }> = {};
    let title = '';
    let published = publish;
    let language: string | undefined;
    let documents: string[] = [];
    let attachments: string[] = [];
    const fileValues: (FileValue & { column: string })[] = [];
    columns.forEach((c, i) => {
      const raw = cells[i] ?? '';
      const cell = raw.trim();
      const name = table.header[i]!;
      if (c.kind === 'title') {
        if (c.lang) {
          if (cell) translations[c.lang] = { ...translations[c.lang], title: cell };
        } else title = cell;
      } else if (c.kind === 'published') {
        if (cell) published = /^(yes|true|1|y|oui|sí|si|да|نعم|是)$/i.test(cell);
      } else if (c.kind === 'template') {
        if (cell && labelKey(cell) !== labelKey(template.name) && labelKey(cell) !== labelKey(template.label))
          rowProblems.push({
            row,
            column: name,
            message: `is a "${cell}", not a ${template.label}`,
            code: 'csv.otherTemplate',
            params: { cell, template: template.label },
          });
      } else if (c.kind === 'language') language = cell || undefined;
      else if (c.kind === 'file') documents = fileNames(cell);
      else if (c.kind === 'attachments') attachments = fileNames(cell);
      else if (
        c.kind === 'property' &&
        (c.property.type === 'media' || c.property.type === 'image') &&
        files?.has(cell)
      )
        fileValues.push({
          property: c.property.name,
          ...(c.lang ? { lang: c.lang } : {}),
          name: cell,
          column: name,
        });
      else if (c.kind === 'property') {
        const r = cellValue(c.property, raw, ctx);
        if (r.error)
          rowProblems.push({ row, column: name, message: r.error, code: r.code, params: r.params });
        else if (r.value !== undefined) {
          if (c.lang)
            translations[c.lang] = {
              ...translations[c.lang],
              metadata: { ...translations[c.lang]?.metadata, [c.property.name]: r.value },
            };
          else metadata[c.property.name] = r.value;
        }
      }
    });
    for (const f of [...documents, ...attachments])
      if (!files?.has(f))
        rowProblems.push({
          row,
          column: documents.includes(f) ? 'file' : 'attachments',
          message: files
            ? `"${f}" is not in the ZIP`
            : `"${f}" names a file, but a plain CSV carries none; send a ZIP`,
          code: files ? 'csv.notInZip' : 'csv.fileWithoutZip',
          params: { file: f },
        });
    for (const v of fileValues)
      if (!documents.includes(v.name) && !attachments.includes(v.name))
        rowProblems.push({
          row,
          column: v.column,
          message: `"${v.name}" is a file of the ZIP that this row does not attach (name it in its file or attachments column)`,
          code: 'csv.unattached',
          params: { file: v.name, fileColumn: 'file', attachmentsColumn: 'attachments' },
        });
    if (!title) rowProblems.push({ row, column: 'title', message: 'is empty', code: 'csv.titleEmpty' });
    else if (title.length > 500)
      rowProblems.push({
        row,
        column: 'title',
        message: 'is longer than 500 characters',
        code: 'zod.too_big',
        params: { origin: 'string', maximum: 500 },
      });
    const checked = validateMetadata(template, metadata, {
      thesauri: withAdded,
      templatesOf: (ids) =>
        new Map(ids.flatMap((id) => (templateOfId.has(id) ? [[id, templateOfId.get(id)!] as const] : []))),
    });
    // A cell that could not be read already has its problem; "is required" on top would only repeat it.
    const named = new Set(rowProblems.map((p) => p.column));
    if (!checked.ok)
      for (const e of checked.errors) {
        const property = e.path.replace(/^metadata\./, '').split('.')[0]!;
        const column = headerOf.get(property) ?? property;
        if (!named.has(column)) rowProblems.push({ row, column, ...withoutPath(e) });
      }
    const own = language ?? 'en';
    const checkedTranslations = validateTranslations(template, own, translations);
    if (!checkedTranslations.ok)
      for (const e of checkedTranslations.errors)
        rowProblems.push({ row, column: e.path, ...withoutPath(e) });
    if (rowProblems.length) {
      problems.push(...rowProblems);
      return;
    }
    planned.push({
      row,
      input: {
        template: template.name,
        title,
        language: own,
        published,
        metadata: checked.ok ? checked.metadata : metadata,
        translations: (checkedTranslations.ok ? checkedTranslations.translations : {}) as EntityTranslations,
      },
      documents,
      attachments,
      ...(fileValues.length ? { fileValues: fileValues.map(({ column: _c, ...v }) => v) } : {}),
    });
  });
  return {
    template: template.name,
    delimiter: table.delimiter,
    rows: table.rows.length,
    columns: table.header.map((name, i) => ({ name, meaning: meaning(columns[i]!) })),
    problems,
    newValues,
    planned,
  };
}
