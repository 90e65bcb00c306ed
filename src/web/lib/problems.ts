import type { TFunction } from 'i18next';
import { localLabel } from '../../domain/localize.ts';
import type { FieldError, Problem } from '../../domain/schemas/common.ts';
import type { Template } from '../../domain/schemas/template.ts';

/**
 * What the reader is told about a refused field, in the reader's language: the API's `code` and `params`
 * through the `problems.*` strings; the English `message` only for a reason this app has no words for.
 * A property is named by its label in the reader's language when the template is at hand.
 */
export function fieldErrorText(
  e: FieldError,
  t: TFunction,
  lang: string,
  template?: Pick<Template, 'properties'>,
): string {
  const key = e.code ? problemKey(e.code, e.params) : null;
  if (!key || !t(key, { defaultValue: '' })) return e.message;
  const params = { ...e.params };
  const p = template?.properties.find((x) => x.name === e.params?.property);
  if (p) params.label = localLabel(p.label, p.labels, lang).text;
  return t(key, params);
}

/** A value of the wrong shape is told what its type expects (the format of a date, a link's address). */
const VALUE_HINT: Record<string, string> = {
  link: 'link',
  media: 'media',
  image: 'media',
  date: 'date',
  multidate: 'date',
  daterange: 'period',
  multidaterange: 'period',
  number: 'number',
  geolocation: 'place',
};

/** zod's size rules read differently for texts ("characters") and lists ("values"). */
function problemKey(code: string, params: FieldError['params']): string {
  const hint = code === 'invalidValue' ? VALUE_HINT[String(params?.type)] : undefined;
  if (hint) return `problems.invalidValueOf.${hint}`;
  const origin = params?.origin;
  if ((code === 'zod.too_small' || code === 'zod.too_big') && typeof origin === 'string')
    return `problems.${code}_${origin === 'string' ? 'string' : origin === 'array' ? 'array' : 'number'}`;
  return `problems.${code}`;
}

/** Statuses whose meaning is the same whatever was asked: said in the reader's language. */
const GENERIC: Record<number, string> = {
  0: 'problems.status.network',
  401: 'problems.status.401',
  403: 'problems.status.403',
  404: 'problems.status.404',
  413: 'problems.status.413',
  429: 'problems.status.429',
  500: 'problems.status.500',
  502: 'problems.status.503',
  503: 'problems.status.503',
  504: 'problems.status.503',
  507: 'problems.status.507',
};

/**
 * The one line shown for a failed call: generic statuses in the reader's language; a refused form by its
 * number of fields (each field says why beside it); other refusals (a clash with existing data) by their
 * code in the reader's language, else the server's own explanation, which names the records involved.
 */
export function refusalText(status: number, problem: Problem | null, t: TFunction): string {
  if (GENERIC[status]) return t(GENERIC[status]);
  if (status === 400 && problem?.errors?.length) return t('problems.fields');
  const coded = problem?.code ? `problems.conflict.${problem.code}` : null;
  if (coded && t(coded, { defaultValue: '' })) return t(coded, { ...problem?.params });
  return problem?.detail ?? problem?.title ?? t('problems.status.other', { status });
}

/** A refused row of a CSV in the reader's language from its code; its English for a reason without words here. */
export function rowErrorText(
  e: { message: string; code?: string; params?: Record<string, string | number> },
  t: TFunction,
) {
  const key = e.code ? `problems.${e.code}` : null;
  return key && t(key, { defaultValue: '' }) ? t(key, { ...e.params }) : e.message;
}
