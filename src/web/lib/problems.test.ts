import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '../../domain/schemas/common.ts';
import ar from '../i18n/ar.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import zh from '../i18n/zh.json' with { type: 'json' };
import { fieldErrorText, refusalText, rowErrorText } from './problems.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, ar: { translation: ar }, zh: { translation: zh } },
    lng: 'ar',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

const template = {
  properties: [
    {
      name: 'documentType',
      label: 'Document type',
      labels: { ar: 'نوع الوثيقة' },
      type: 'select' as const,
    },
  ],
} as never;

describe('field errors in the reader language', () => {
  const required: FieldError = {
    path: 'metadata.documentType',
    message: 'Document type is required',
    code: 'required',
    params: { property: 'documentType', label: 'Document type' },
  };

  it('says a known code in the reader language, naming the property by its own label there', () => {
    expect(fieldErrorText(required, i18n.t, 'ar', template)).toBe('الحقل «نوع الوثيقة» مطلوب.');
    // Without the template, the label the server sent (the default language) stands in.
    expect(fieldErrorText(required, i18n.getFixedT('zh'), 'zh')).toBe('“Document type”为必填项。');
  });

  it('words zod size rules by what is measured', () => {
    const long: FieldError = {
      path: 'title',
      message: 'Too big: expected string to have <=500 characters',
      code: 'zod.too_big',
      params: { origin: 'string', maximum: 500 },
    };
    expect(fieldErrorText(long, i18n.getFixedT('en'), 'en')).toBe('Too long (maximum length: 500).');
    const many = { ...long, params: { origin: 'array', maximum: 20 } };
    expect(fieldErrorText(many, i18n.getFixedT('en'), 'en')).toBe('Too many values (maximum: 20).');
  });

  it('tells a value of the wrong shape what its type expects', () => {
    const link: FieldError = {
      path: 'metadata.sources.0.url',
      message: 'Sources (link): must be an http(s) URL',
      code: 'invalidValue',
      params: { property: 'sources', label: 'Sources', type: 'link' },
    };
    expect(fieldErrorText(link, i18n.getFixedT('en'), 'en')).toBe(
      'Sources: each link needs a web address that starts with http:// or https://.',
    );
    const text = { ...link, params: { ...link.params, type: 'text' } };
    expect(fieldErrorText(text, i18n.getFixedT('en'), 'en')).toBe(
      'Sources: this value is not valid for this field.',
    );
  });

  it('words an import row problem (its column stands for the path)', () => {
    const row: FieldError = {
      path: 'Status',
      message: '"Repealed" is not a value of Status (choose to add new values to add it)',
      code: 'csv.notAValueAdd',
      params: { cell: 'Repealed', property: 'status', label: 'Status' },
    };
    expect(fieldErrorText(row, i18n.getFixedT('zh'), 'zh')).toBe(
      '“Repealed”不是“Status”的值。勾选“添加尚不存在的词表值”即可添加。',
    );
  });

  it('keeps the English message for a code it has no words for, or none', () => {
    const odd: FieldError = { path: 'x', message: 'is odd', code: 'somethingNew' };
    expect(fieldErrorText(odd, i18n.t, 'ar')).toBe('is odd');
    expect(fieldErrorText({ path: 'x', message: 'plain' }, i18n.t, 'ar')).toBe('plain');
  });
});

describe('the one line of a refusal', () => {
  it('says generic statuses in the reader language and keeps a clash explained by the server', () => {
    expect(refusalText(403, null, i18n.t)).toBe('لا يسمح لك دورك بالقيام بذلك.');
    expect(refusalText(0, null, i18n.t)).toBe('تعذّر الاتصال بالبوابة. تحقّق من اتصالك وحاول مرة أخرى.');
    const invalid = {
      type: '/problems/x',
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'a', message: 'b' }],
    };
    expect(refusalText(400, invalid, i18n.t)).toBe('لم يُحفظ شيء: بعض الحقول غير صالحة.');
    const clash = { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'Key "x" is taken' };
    expect(refusalText(409, clash, i18n.t)).toBe('Key "x" is taken');
    expect(refusalText(418, null, i18n.t)).toBe('رُفض الطلب (الرمز 418).');
  });
});

describe('refused CSV rows in the reader language', () => {
  it('words a thesaurus CSV row error from its code and params, and keeps the English of one without a code', async () => {
    const { planThesaurusCsv } = await import('../../domain/thesaurus-csv.ts');
    const plan = planThesaurusCsv(
      { name: 'docTypes', values: [{ id: 'strategy', label: 'Strategy' }] },
      'id,en,group\nstrategy,Strategy,\nplan,Plan,nowhere\nstrategy,Strategy,\n',
    );
    expect(plan.errors.map((e) => [e.row, e.code, e.params])).toEqual([
      [4, 'thesaurusCsv.sameValue', { id: 'strategy', first: 2 }],
      [3, 'thesaurusCsv.noGroup', { group: 'nowhere', thesaurus: 'docTypes' }],
    ]);
    const ar = i18n.getFixedT('ar');
    expect(rowErrorText(plan.errors[0]!, ar)).toBe(
      'يشير هذا الصف إلى القيمة نفسها («strategy») التي يشير إليها الصف 2.',
    );
    expect(rowErrorText(plan.errors[1]!, i18n.getFixedT('zh'))).toBe('docTypes中没有分组值“nowhere”。');
    const tabs = planThesaurusCsv({ name: 'x', values: [] }, 'id\ten\na\tA\tB\n');
    expect(tabs.errors[0]).toMatchObject({
      row: 2,
      code: 'csv.cellCountTab',
      params: { cells: 3, expected: 2 },
    });
    expect(rowErrorText(tabs.errors[0]!, ar)).toMatch(/^عدد خلايا هذا الصف \(3\)/);
    expect(rowErrorText({ message: 'Something else' }, ar)).toBe('Something else');
  });
});

describe('refused clashes (409) in the reader language', () => {
  it('words a coded refusal from its code and params, and keeps the server’s English for one without a code', () => {
    const taken = {
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The username "amina" is taken',
      code: 'usernameTaken',
      params: { username: 'amina' },
    };
    expect(refusalText(409, taken, i18n.getFixedT('ar'))).toBe('اسم المستخدم «amina» مستخدم بالفعل.');
    expect(refusalText(409, taken, i18n.getFixedT('zh'))).toBe('用户名“amina”已被占用。');
    const { code: _, params: __, ...plain } = taken;
    expect(refusalText(409, plain, i18n.getFixedT('ar'))).toBe('The username "amina" is taken');
  });

  it('words a duplicate upload without the API’s ?duplicate=allow hint', () => {
    const duplicate = {
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail:
        'This file is already in the collection as "a.pdf" of "Strategy". Send it again with ?duplicate=allow to add a copy.',
      code: 'duplicateFile',
      params: { file: 'a.pdf', title: 'Strategy' },
    };
    expect(refusalText(409, duplicate, i18n.getFixedT('zh'))).toBe(
      '此文件已以“a.pdf”（属于“Strategy”）收入本馆藏。未添加任何内容。',
    );
    expect(refusalText(409, duplicate, i18n.getFixedT('en'))).not.toContain('?duplicate=allow');
  });
});
