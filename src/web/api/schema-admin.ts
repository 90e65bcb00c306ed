import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { RelationType, type RelationTypeInput } from '../../domain/schemas/reference.ts';
import {
  RelationTypeUsage,
  SchemaJobStatus,
  TemplateCheck,
  TemplateSaved,
  ThesaurusCsvImportResult,
  type ThesaurusMergeInput,
  ThesaurusMergeResult,
  ThesaurusSaved,
  ThesaurusUsage,
} from '../../domain/schemas/schema-admin.ts';
import type { TemplateInput } from '../../domain/schemas/template.ts';
import { Thesaurus, type ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { API_BASE, get, write } from './client.ts';
import { queryKeys } from './hooks.ts';

// The admin screens of the collection's schema: templates, thesauri, relation types (issue 10, item 6).

const enc = encodeURIComponent;
const keys = {
  relationTypes: ['relation-types'] as const,
  usage: (name: string) => ['settings', 'thesaurus-usage', name] as const,
  job: (id: number) => ['settings', 'schema-job', id] as const,
};

/** What a template change would do to stored values (nothing saved). */
export const checkTemplate = (input: TemplateInput) =>
  write(TemplateCheck, 'POST', `/templates/${enc(input.name)}/check`, input);

/** Creates (`isNew`) or replaces a template; `confirm` saves even though values would be removed. */
export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      input,
      isNew,
      confirm,
    }: {
      input: TemplateInput;
      isNew: boolean;
      confirm: boolean;
    }) =>
      isNew
        ? { ...(await write(TemplateSaved.omit({ jobId: true }), 'POST', '/templates', input)), jobId: null }
        : write(
            TemplateSaved,
            'PUT',
            `/templates/${enc(input.name)}${confirm ? '?confirm=true' : ''}`,
            input,
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.templates }),
  });
}

/** A schema job's progress, asked every second until it is done or failed. */
export const useSchemaJob = (id: number | null) =>
  useQuery({
    queryKey: keys.job(id ?? 0),
    queryFn: ({ signal }) => get(SchemaJobStatus, `/schema-jobs/${id}`, signal),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });

/** Entities holding each value of a thesaurus. */
export const useThesaurusUsage = (name: string) =>
  useQuery({
    queryKey: keys.usage(name),
    queryFn: ({ signal }) => get(ThesaurusUsage, `/thesauri/${enc(name)}/usage`, signal),
  });

/** Creates or replaces a thesaurus; the answer names the reindex jobs. */
export function useWriteThesaurus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, isNew }: { input: ThesaurusInput; isNew: boolean }) =>
      isNew
        ? write(ThesaurusSaved.omit({ jobIds: true }), 'POST', '/thesauri', input).then((t) => ({
            ...t,
            jobIds: [] as number[],
          }))
        : write(ThesaurusSaved, 'PUT', `/thesauri/${enc(input.name)}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.thesauri }),
  });
}

/** Merges one value into another on every entity. */
export function useMergeValues(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ThesaurusMergeInput) =>
      write(ThesaurusMergeResult, 'POST', `/thesauri/${enc(name)}/merge`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.thesauri });
      void client.invalidateQueries({ queryKey: keys.usage(name) });
    },
  });
}

/** Undoes a merge: the value back in its place, then every entity's entry reverted. */
export async function undoMerge(input: ThesaurusInput, merge: z.infer<typeof ThesaurusMergeResult>) {
  if (!merge.removed) return;
  const values = [...input.values];
  values.splice(merge.removedAt, 0, merge.removed);
  await write(ThesaurusSaved, 'PUT', `/thesauri/${enc(input.name)}`, { ...input, values });
  if (merge.activityIds.length)
    await write(z.object({ reverted: z.number() }).loose(), 'POST', '/activity/revert', {
      activityIds: merge.activityIds,
    });
}

/** Checks (dryRun) or imports a CSV of values. */
export const importThesaurusCsv = (name: string, csv: string, dryRun: boolean) =>
  write(ThesaurusCsvImportResult, 'POST', `/thesauri/${enc(name)}/csv`, { csv, dryRun });

/** The address of a thesaurus's CSV (a plain download link). */
export const thesaurusCsvHref = (name: string) => `${API_BASE}/thesauri/${enc(name)}/csv`;

/** Every relation type. */
export const useRelationTypes = () =>
  useQuery({
    queryKey: keys.relationTypes,
    queryFn: ({ signal }) => get(z.array(RelationType), '/relation-types', signal),
  });

/** What uses a relation type. */
export const relationTypeUsage = (name: string) =>
  get(RelationTypeUsage, `/relation-types/${enc(name)}/usage`);

/** Creates, relabels and deletes relation types. */
export function useRelationTypeWrites() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: keys.relationTypes });
  return {
    save: useMutation({
      mutationFn: ({ input, isNew }: { input: RelationTypeInput; isNew: boolean }) =>
        isNew
          ? write(RelationType, 'POST', '/relation-types', input)
          : write(RelationType, 'PUT', `/relation-types/${enc(input.name)}`, input),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: ({ name, moveTo }: { name: string; moveTo?: string }) =>
        write(null, 'DELETE', `/relation-types/${enc(name)}${moveTo ? `?moveTo=${enc(moveTo)}` : ''}`),
      onSuccess,
    }),
  };
}

/** One thesaurus as stored now. */
export const fetchThesaurus = (name: string) => get(Thesaurus, `/thesauri/${enc(name)}`);
