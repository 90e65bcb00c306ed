import { ApiError } from '../../api/client.ts';

/** What an API refusal says, from its problem details: field errors first, else the detail or title. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError && error.problem?.errors?.length)
    return error.problem.errors.map((x) => x.message).join('; ');
  return (error as Error).message;
}
