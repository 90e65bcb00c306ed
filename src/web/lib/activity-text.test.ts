import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { activitySummary } from '../../domain/activity-summary.ts';
import { UI_LANGUAGES } from '../../domain/languages.ts';
import { type Activity, ActivityCode, type ActivityParams } from '../../domain/schemas/index.ts';
import ar from '../i18n/ar.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import es from '../i18n/es.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import ru from '../i18n/ru.json' with { type: 'json' };
import zh from '../i18n/zh.json' with { type: 'json' };
import { type ActivityLookups, activityText as worded } from './activity-text.ts';

/** The wording without the direction isolates around names (checked once below). */
const activityText = (...args: Parameters<typeof worded>) => worded(...args).replace(/[\u2068\u2069]/g, '');

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: Object.fromEntries(
      Object.entries({ en, fr, es, ar, ru, zh }).map(([l, c]) => [l, { translation: c }]),
    ),
    lng: 'ar',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

const lookups: ActivityLookups = {
  templates: [
    {
      name: 'Document',
      label: 'Document',
      labels: { ar: 'وثيقة', zh: '文件', ru: 'Документ' },
      properties: [
        {
          name: 'adopted',
          label: 'Adopted',
          labels: { ar: 'تاريخ الاعتماد', zh: '通过日期', ru: 'Дата принятия' },
          type: 'date',
          required: false,
          filterable: false,
          showInCard: false,
        },
      ],
    },
  ],
  relationTypes: [
    {
      name: 'cites',
      label: 'cites',
      labels: { ar: 'يستشهد بـ', zh: '引用', ru: 'ссылается на' },
      inverseLabel: 'is cited by',
      inverseLabels: { ar: 'يُستشهد به في', zh: '被引用于', ru: 'цитируется в' },
    },
  ],
};

const entry = (code: Activity['code'], params: ActivityParams, over: Partial<Activity> = {}): Activity => ({
  id: 1,
  userId: null,
  username: 'amina',
  action: 'update',
  targetType: 'entity',
  targetId: 'e1',
  summary: code ? activitySummary({ code, params }) : 'An old English sentence',
  code,
  params,
  at: '2026-11-30T10:00:00.000Z',
  changes: null,
  ...over,
});

/** Values of every code, none in Latin letters, so that any Latin word left in a wording is the catalogue's. */
const EVERY: ActivityParams = {
  template: 'Document',
  title: 'الاستراتيجية',
  fields: ['title', 'metadata', 'published'],
  held: ['adopted'],
  removed: ['adopted'],
  added: ['١'],
  property: 'adopted',
  published: true,
  already: true,
  files: 2,
  filename: 'خطة',
  previous: 'قديم',
  kind: 'pdf',
  size: 123_456,
  role: 'editor',
  fileRole: 'attachment',
  entries: 3,
  total: 4,
  moved: 1,
  orphaned: 1,
  language: 'عربي',
  source: 'نص',
  target: 'نص آخر',
  relation: 'cites',
  relationType: 'cites',
  side: 'target',
  stillLost: true,
  properties: 5,
  values: 6,
  relabelled: 1,
  valuesAdded: 2,
  label: 'يرد على',
  inverse: 'يُرد عليه',
  movedTo: 'يرد على',
  connections: 2,
  thesaurus: 'أنواع',
  from: 'أ',
  into: 'ب',
  entry: 7,
  username: 'أمينة',
  until: '2026-12-01T10:00:00.000Z',
  password: true,
  roleFrom: 'editor',
  roleTo: 'admin',
  disabled: true,
  minutes: 15,
  failures: 5,
  method: '١',
  url: '٢',
  body: '٣',
};

describe('activity entries in the reader’s language', () => {
  it('has words for every code in every catalogue', () => {
    for (const lng of UI_LANGUAGES)
      for (const code of ActivityCode.options)
        expect(i18n.exists(`activityLog.${code}`, { lng }), `${lng} ${code}`).toBe(true);
  });

  it.each(['ar', 'zh', 'ru'])('leaves no English word in %s, whatever the code', (lng) => {
    for (const code of ActivityCode.options) {
      // The site's settings are named by their keys (the other entries' fields are an entity's).
      const params = code === 'site.updated' ? { ...EVERY, fields: ['name', 'footerText'] } : EVERY;
      const text = activityText(entry(code, params), i18n.getFixedT(lng), lng, lookups);
      // Sizes are as CLDR writes them (Chinese keeps kB and MB).
      const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['Uwazi', 'kB', 'MB'].includes(w));
      expect(latin, `${lng} ${code}: ${text}`).toEqual([]);
    }
  });

  it('words an edit in Arabic and Chinese from its code: the template and property by their own labels, the title as written', () => {
    const edit = entry(
      'entity.updated',
      { template: 'Document', title: 'National strategy', fields: ['title', 'metadata'] },
      {
        changes: [
          { field: 'title', before: 'A', after: 'National strategy' },
          { field: 'metadata.adopted', after: '2020' },
        ],
      },
    );
    expect(edit.summary).toBe('Updated Document "National strategy": title, metadata');
    expect(activityText(edit, i18n.getFixedT('ar'), 'ar', lookups)).toBe(
      'تعديل وثيقة «National strategy»: العنوان وتاريخ الاعتماد',
    );
    expect(activityText(edit, i18n.getFixedT('zh'), 'zh', lookups)).toBe(
      '编辑文件“National strategy”：标题和通过日期',
    );
  });

  it('names a relation by its label in the reader’s language, and counts and sizes through Intl', () => {
    const connected = entry('reference.created', {
      source: 'Article 5',
      relation: 'is cited by',
      relationType: 'cites',
      title: 'Plan',
    });
    expect(activityText(connected, i18n.getFixedT('ar'), 'ar', lookups)).toBe(
      'ربط: «Article 5» يُستشهد به في «Plan»',
    );
    const uploaded = entry('file.uploaded', {
      filename: 'plan.pdf',
      kind: 'pdf',
      size: 2_500_000,
      title: 'Plan',
    });
    expect(activityText(uploaded, i18n.getFixedT('zh'), 'zh', lookups)).toMatch(
      /^向“Plan”上传plan\.pdf（2\.5\sMB）$/,
    );
  });

  it('shows an entry written before codes, or with a code this build has no words for, by its English summary', () => {
    expect(activityText(entry(null, {}), i18n.getFixedT('ar'), 'ar')).toBe('An old English sentence');
    const future = { ...entry('session.signedIn', { username: 'x' }), code: 'session.future' } as never;
    expect(activityText(future, i18n.getFixedT('ar'), 'ar')).toBe('x signed in');
  });

  it('isolates each name, so a Latin title keeps its direction inside an Arabic sentence', () => {
    const e = entry('entity.created', { template: 'Document', title: 'Plan (rev.)', published: false });
    expect(worded(e, i18n.getFixedT('ar'), 'ar', lookups)).toBe(
      'إنشاء \u2068وثيقة\u2069 «\u2068Plan (rev.)\u2069»',
    );
  });
});
