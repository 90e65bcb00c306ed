import i18n from 'i18next';
import { ApiError } from '../../api/client.ts';
import { fieldErrorText } from '../../lib/problems.ts';

/** What an API refusal says, in the reader's language: its field errors first, else its one-line message. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError && error.problem?.errors?.length)
    return error.problem.errors.map((x) => fieldErrorText(x, i18n.t, i18n.language)).join('; ');
  return (error as Error).message;
}
