import type { TFunction } from 'i18next';
import { intlLocale } from '../../domain/languages.ts';
import { localLabel } from '../../domain/localize.ts';
import type { Activity, ActivityParams, RelationType, Template } from '../../domain/schemas/index.ts';
import { fileSize } from './file-size.ts';
import { isolate } from './isolate.ts';
import { ocrLanguageName } from './ocr-language-name.ts';

/** What the app already knows that lets an entry name templates, properties and relations in the reader's language. */
export type ActivityLookups = {
  templates?: Pick<Template, 'name' | 'label' | 'labels' | 'properties'>[];
  relationTypes?: Pick<RelationType, 'name' | 'label' | 'labels' | 'inverseLabel' | 'inverseLabels'>[];
};

const str = (p: ActivityParams, k: string) => (p[k] === undefined ? '' : String(p[k]));
const list = (p: ActivityParams, k: string): string[] => (Array.isArray(p[k]) ? (p[k] as string[]) : []);

/**
 * An activity entry in the reader's language, from its code and values (decision 64): titles, file names
 * and usernames as they were written; templates, properties, relation types, site settings and entity
 * fields by the labels the app has for them; numbers, sizes, dates and lists through `Intl`. An entry
 * without a code (written before codes) or with one this build has no words for shows its English summary.
 */
export function activityText(
  entry: Activity,
  t: TFunction,
  lang: string,
  lookups: ActivityLookups = {},
): string {
  const { code } = entry;
  if (!code || !t(`activityLog.${code}`, { defaultValue: '' })) return entry.summary;
  const p = entry.params;
  const locale = intlLocale(lang);
  const number = (k: string) => new Intl.NumberFormat(locale).format(Number(p[k] ?? 0));
  const join = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const template = lookups.templates?.find((x) => x.name === p.template);
  const templateName = template ? localLabel(template.label, template.labels, lang).text : str(p, 'template');
  const property = (name: string) => {
    const prop = template?.properties.find((x) => x.name === name || x.label === name);
    return prop ? localLabel(prop.label, prop.labels, lang).text : name;
  };
  const relationType = lookups.relationTypes?.find((x) => x.name === p.relationType);
  const relation = relationType
    ? p.relation === relationType.inverseLabel
      ? localLabel(relationType.inverseLabel, relationType.inverseLabels, lang).text
      : localLabel(relationType.label, relationType.labels, lang).text
    : str(p, 'relation');
  /** Entity fields: metadata named by its properties (from the entry's diff), the others by the catalogue. */
  const entityFields = () => {
    const metadata = [
      ...new Set(
        (entry.changes ?? [])
          .map((c) => /^metadata\.(.+)$/.exec(c.field)?.[1])
          .filter((k): k is string => !!k)
          .map(property),
      ),
    ];
    return join(
      list(p, 'fields').flatMap((f) =>
        f === 'metadata' && metadata.length ? metadata : [t(`activityLog.fields.${f}`, { defaultValue: f })],
      ),
    );
  };
  const note = (key: string, values: Record<string, string> = {}) => t(`activityLog.notes.${key}`, values);
  const values: Record<string, string> = {
    title: str(p, 'title'),
    template: templateName,
    filename: str(p, 'filename'),
    previous: str(p, 'previous'),
    username: str(p, 'username'),
    source: str(p, 'source'),
    target: str(p, 'target'),
    relation,
    label: str(p, 'label'),
    inverse: str(p, 'inverse'),
    from: str(p, 'from'),
    into: str(p, 'into'),
    thesaurus: str(p, 'thesaurus'),
    language: ocrLanguageName(str(p, 'language'), locale),
    method: str(p, 'method'),
    url: str(p, 'url'),
    body: str(p, 'body'),
    movedTo: str(p, 'movedTo'),
    property: property(str(p, 'property')),
    role: t(`signin.roles.${str(p, 'role')}`, { defaultValue: str(p, 'role') }),
    fileRole: t(`activityLog.fileRoles.${str(p, 'fileRole')}`, { defaultValue: str(p, 'fileRole') }),
    side: t(`activityLog.sides.${str(p, 'side')}`, { defaultValue: str(p, 'side') }),
    size: fileSize(Number(p.size ?? 0), locale),
    held: join(list(p, 'held').map(property)),
    added: join(list(p, 'added')),
    until: p.until
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(str(p, 'until')),
        )
      : '',
  };
  // Names keep their own direction inside the sentence (a Latin title in an Arabic line): each is isolated.
  for (const [k, v] of Object.entries(values)) if (v) values[k] = isolate(v);
  for (const k of [
    'entry',
    'files',
    'entries',
    'total',
    'moved',
    'orphaned',
    'properties',
    'values',
    'relabelled',
    'connections',
    'minutes',
    'failures',
  ])
    values[k] = number(k);
  values.addedCount = number('valuesAdded');
  let text = t(`activityLog.${code}`, values);
  switch (code) {
    case 'entity.created':
    case 'entity.imported':
      if (p.published === true) text += note('published');
      break;
    case 'entity.published':
    case 'entity.unpublished':
      if (p.already === true) text += note('already');
      break;
    case 'entity.updated':
    case 'entity.replaced':
    case 'entity.reimported':
    case 'entity.reverted':
      text += list(p, 'fields').length
        ? note('fields', { fields: isolate(entityFields()) })
        : note('noChanges');
      break;
    case 'entity.templateChanged':
      text += list(p, 'removed').length
        ? note('removed', { removed: isolate(join(list(p, 'removed').map(property))) })
        : note('converted');
      break;
    case 'entity.deleted':
      if (Number(p.files ?? 0) > 0) text += note('files', { files: number('files') });
      break;
    case 'reference.created':
      if (p.target !== undefined) text = t('activityLog.reference.createdPassage', values);
      break;
    case 'reference.reattached':
      if (p.stillLost === true) text += note('stillLost');
      break;
    case 'relationType.deleted':
      if (p.movedTo !== undefined) text += note('moved', values);
      break;
    case 'site.updated': {
      const fields = list(p, 'fields');
      text = fields.length
        ? t('activityLog.site.updated', {
            fields: join(fields.map((f) => t(`settings.site.${f}`, { defaultValue: f }))),
          })
        : t('activityLog.site.unchanged');
      break;
    }
    case 'user.updated': {
      const changes = [
        p.password === true ? t('activityLog.userChanges.password') : '',
        p.roleTo !== undefined
          ? t('activityLog.userChanges.role', {
              from: t(`signin.roles.${str(p, 'roleFrom')}`, { defaultValue: str(p, 'roleFrom') }),
              to: t(`signin.roles.${str(p, 'roleTo')}`, { defaultValue: str(p, 'roleTo') }),
            })
          : '',
        p.disabled === true ? t('activityLog.userChanges.disabled') : '',
        p.enabled === true ? t('activityLog.userChanges.enabled') : '',
      ].filter(Boolean);
      text += changes.length ? note('fields', { fields: join(changes) }) : note('noChanges');
      break;
    }
  }
  return text;
}
