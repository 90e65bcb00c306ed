import { describe, expect, it } from 'vitest';
import type { Entity, Template } from '../../../domain/schemas/index.ts';
import {
  buildInput,
  buildPatch,
  changedFields,
  completeness,
  duplicateForm,
  formOf,
  problemErrors,
  withValue,
} from './formModel.ts';
import { indexOptions, searchOptions } from './optionSearch.ts';

const template = {
  name: 'Document',
  label: 'Document',
  properties: [
    { name: 'status', label: 'Status', type: 'select', thesaurus: 'status', required: false },
    { name: 'summary', label: 'Summary', type: 'markdown', required: false },
    { name: 'sources', label: 'Sources', type: 'link', required: false },
    { name: 'code', label: 'Code', type: 'generatedId', required: false },
  ],
} as unknown as Template;

const entity = {
  title: 'Natonal Strategy',
  language: 'en',
  published: true,
  metadata: { status: 'in-progress', summary: 'Text', iso2: 'EE', code: 'AB12-CD34' },
  translations: { fr: { title: 'Stratégie', metadata: { summary: 'Texte' } } },
} as unknown as Entity;

describe('editor form model', () => {
  it('leaves out the rows of a multidate or multidaterange field left blank, and the field when all are', () => {
    let form = formOf(entity);
    form = withValue(form, 'en', 'reviews', ['2021', '', '2023-05']);
    form = withValue(form, 'en', 'terms', [{ from: '2020', to: undefined }, {}, { from: '', to: '' }]);
    form = withValue(form, 'en', 'sessions', ['']);
    const patch = buildPatch(formOf(entity), form);
    expect(patch.metadata).toEqual({
      reviews: ['2021', '2023-05'],
      terms: [{ from: '2020', to: undefined }],
    });
    const input = buildInput('Document', form);
    expect(input.metadata?.reviews).toEqual(['2021', '2023-05']);
    expect(input.metadata).not.toHaveProperty('sessions');
  });
  it('patches only what changed and removes an emptied value with null', () => {
    let form = formOf(entity);
    form = withValue(form, 'en', 'title', 'National Strategy');
    form = withValue(form, 'en', 'status', '');
    const patch = buildPatch(formOf(entity), form);
    // iso2 (not in the template) and summary are untouched, so absent: a merge patch keeps them.
    expect(patch).toEqual({ title: 'National Strategy', metadata: { status: null } });
  });

  it('writes a translation beside the own values and removes an emptied one', () => {
    let form = formOf(entity);
    form = withValue(form, 'es', 'title', 'Estrategia');
    form = withValue(form, 'fr', 'summary', '');
    expect(buildPatch(formOf(entity), form)).toEqual({
      translations: { es: { title: 'Estrategia' }, fr: { metadata: { summary: null } } },
    });
    expect(changedFields(formOf(entity), form)).toEqual([
      'translations.fr.metadata.summary',
      'translations.es.title',
    ]);
  });

  it('does not touch the cached entity while typing', () => {
    const form = formOf(entity);
    (form.translations.fr!.metadata as Record<string, unknown>).summary = 'changed';
    expect(entity.translations.fr?.metadata?.summary).toBe('Texte');
  });

  it('builds a create input without empty values and a duplicate without generated ids', () => {
    const copy = duplicateForm(formOf(entity), template, (t) => `Copy of ${t}`);
    expect(copy.published).toBe(false);
    expect(copy.metadata.code).toBeUndefined();
    const input = buildInput('Document', withValue(copy, 'ru', 'title', ' '));
    expect(input.title).toBe('Copy of Natonal Strategy');
    expect(input.translations).toEqual({
      fr: { title: 'Copy of Stratégie', metadata: { summary: 'Texte' } },
    });
  });

  it('files problem details under the field they belong to', () => {
    const errors = problemErrors(
      {
        type: 'about:blank',
        title: 'Invalid',
        status: 400,
        errors: [
          { path: 'metadata.sources.0.url', message: 'must be an http(s) URL' },
          { path: 'translations.fr.metadata.summary', message: 'too long' },
          { path: 'title', message: 'required' },
        ],
      },
      template,
    );
    expect([...errors.keys()]).toEqual(['metadata.sources', 'translations.fr.metadata.summary', 'title']);
  });

  it('counts a language as complete when its title and every filled text are translated', () => {
    const form = formOf(entity);
    expect(completeness(form, template, 'fr')).toEqual({ filled: 2, total: 2 });
    expect(completeness(form, template, 'ar')).toEqual({ filled: 0, total: 2 });
  });
});

describe('select type-ahead', () => {
  const options = Array.from({ length: 10_000 }, (_, i) => ({ id: `v${i}`, label: `Valeur ${i} élevée` }));
  options.push({ id: 'cote', label: "Côte d'Ivoire" });
  const index = indexOptions(options);

  it('finds a value among 10,000 by its start, accents and case ignored, and renders at most the limit', () => {
    expect(searchOptions(index, 'cote')[0]?.id).toBe('cote');
    expect(searchOptions(index, 'valeur 99')).toHaveLength(50);
    expect(searchOptions(index, 'ELEVEE', 20)).toHaveLength(20);
    expect(searchOptions(index, 'valeur 9999')[0]?.id).toBe('v9999');
  });

  it('puts labels that start with the text before labels that contain it, and leaves out chosen ones', () => {
    const small = indexOptions([
      { id: 'a', label: 'Interior ministry' },
      { id: 'b', label: 'Ministry of Defence' },
      { id: 'c', label: 'Ministry of Justice' },
    ]);
    expect(searchOptions(small, 'minis').map((o) => o.id)).toEqual(['b', 'c', 'a']);
    expect(searchOptions(small, 'minis', 50, new Set(['b'])).map((o) => o.id)).toEqual(['c', 'a']);
  });
});
