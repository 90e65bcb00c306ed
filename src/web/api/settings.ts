import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Thesaurus, type ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { write } from './client.ts';
import { queryKeys } from './hooks.ts';

// Accounts, the activity log and orphaned connections have modules of their own: accounts.ts, activity.ts,
// reattach.ts (and site.ts for the site settings).

/** Replaces a thesaurus (admin): its labels and values as the editor holds them. */
export function useSaveThesaurus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ThesaurusInput) =>
      write(Thesaurus, 'PUT', `/thesauri/${encodeURIComponent(input.name)}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.thesauri }),
  });
}
