import { buildEntity, buildTemplate, buildUser } from '../../test/factories.ts';
import { quoteIn } from '../../test/reference-fixtures.ts';
import { addUser } from '../operations/add-user.ts';
import { createEntity } from '../operations/create-entity.ts';
import { createReference } from '../operations/create-reference.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveRelationType } from '../operations/save-relation-type.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { saveThesaurus } from '../operations/save-thesaurus.ts';
import { updateEntity } from '../operations/update-entity.ts';
import { uploadFile } from '../operations/upload-file.ts';
import type { Store } from '../store/store.ts';

// The rows of permissions-matrix.test.ts: every route the portal registers, with the status each kind of
// caller gets. A route without a row fails that test.

export type Who = 'anonymous' | 'collaborator' | 'editor' | 'admin';
export const WHO: Who[] = ['anonymous', 'collaborator', 'editor', 'admin'];

/** What the rows act on, made once before the matrix runs. */
export type Fixture = {
  store: Store;
  published: string;
  restricted: string;
  publishedFile: string;
  restrictedFile: string;
  /** The first paragraph of the published file. */
  publishedParagraph: string;
  publishedText: string;
  restrictedText: string;
  loginUser: { username: string; password: string };
};

export type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered, to check that every route has a row. */
  route: string;
  /** The concrete URL; async so destructive rows can make a fresh target per call. */
  url: (fx: Fixture) => string | Promise<string>;
  body?: (fx: Fixture) => unknown;
  multipart?: boolean;
  /** Expected status for anonymous, collaborator, editor, admin. */
  expect: [number, number, number, number];
  note?: string;
  /** The refusal depends on the body (publishing), so it can only come after the body is validated. */
  bodyDecides?: boolean;
};

export const unique = () => Math.random().toString(36).slice(2, 8);
const ALL_OK = (s: number): [number, number, number, number] => [s, s, s, s];
const ADMIN_ONLY = (s: number): [number, number, number, number] => [401, 403, 403, s];

const freshEntity = async (f: Fixture, published = true) =>
  (await createEntity({ store: f.store, actor: OPERATOR, input: buildEntity({ published }) })).id;

/** A profile of a template with a relationship section listing the fixture's documents (made once). */
const profiles = new WeakMap<Store, Map<boolean, Promise<string>>>();
const sectionProfile = (f: Fixture, published: boolean) => {
  const byState = profiles.get(f.store) ?? new Map<boolean, Promise<string>>();
  profiles.set(f.store, byState);
  let made = byState.get(published);
  if (!made) {
    made = (async () => {
      const name = `Profile${unique()}`;
      await saveTemplate({
        store: f.store,
        actor: OPERATOR,
        input: buildTemplate({
          name,
          label: name,
          properties: [
            {
              name: 'documents',
              label: 'Documents',
              type: 'relationship',
              targetTemplate: 'Document',
              section: 'Policy',
              required: false,
              filterable: false,
              showInCard: false,
            },
          ],
        }),
      });
      const input = {
        ...buildEntity({ template: name, published }),
        metadata: { documents: [f.published, f.restricted] },
      };
      return (await createEntity({ store: f.store, actor: OPERATOR, input })).id;
    })();
    byState.set(published, made);
  }
  return made;
};

/** A logged title change of an entity of its own, so each revert has something to undo. */
const freshChange = async (f: Fixture) => {
  const id = await freshEntity(f, false);
  await updateEntity({ store: f.store, actor: OPERATOR, id, patch: { title: `Changed ${unique()}` } });
  const [entry] = await f.store.activity.list({ limit: 1, targetId: id });
  return entry!.id;
};

/** A file of its own, so replacing it leaves the fixture's files processed. */
const freshFile = async (f: Fixture, published: boolean) =>
  (
    await uploadFile({
      store: f.store,
      actor: OPERATOR,
      entityId: await freshEntity(f, published),
      filename: 'a.txt',
      content: Buffer.from('Hello'),
    })
  ).id;

/** A PDF of its own (a scan to OCR: no text layer), so queueing OCR leaves the fixture's files alone. */
const freshPdf = async (f: Fixture, published: boolean) =>
  (
    await uploadFile({
      store: f.store,
      actor: OPERATOR,
      entityId: await freshEntity(f, published),
      filename: 'scan.pdf',
      content: Buffer.from('%PDF-1.4\n%%EOF\n'),
    })
  ).id;

const freshReference = async (f: Fixture) =>
  (
    await createReference({
      store: f.store,
      actor: OPERATOR,
      input: {
        relationType: 'responds-to',
        source: quoteIn(f.publishedFile, f.publishedText, 'critical infrastructure'),
        targetEntityId: f.restricted,
        target: quoteIn(f.restrictedFile, f.restrictedText, 'Assistance requests'),
      },
    })
  ).id;

/** An orphaned connection of its own (as re-anchoring leaves one), so each re-attach has one to fix. */
const freshOrphan = async (f: Fixture) => {
  const id = await freshReference(f);
  const ref = (await f.store.references.get(id))!;
  await f.store.references.updateAnchors(id, ref.source, ref.target, true);
  return id;
};

/** The profile and document templates the site settings name, made once. */
const profileTemplates = async (f: Fixture) => {
  for (const name of ['State', 'Organisation', 'Document'])
    if (!(await f.store.templates.findByName(name)))
      await saveTemplate({ store: f.store, actor: OPERATOR, input: buildTemplate({ name, label: name }) });
};

/** One row per route (and per visibility case), with the status each kind of caller gets. */
export const CASES: Case[] = [
  { method: 'GET', route: '/api/v1/health', url: () => '/api/v1/health', expect: ALL_OK(200) },
  { method: 'GET', route: '/api/v1/session', url: () => '/api/v1/session', expect: ALL_OK(200) },
  {
    method: 'POST',
    route: '/api/v1/session',
    url: () => '/api/v1/session',
    body: (f) => f.loginUser,
    expect: ALL_OK(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/session',
    url: () => '/api/v1/session',
    expect: ALL_OK(204),
    note: 'fresh login',
  },
  { method: 'GET', route: '/api/v1/templates', url: () => '/api/v1/templates', expect: ALL_OK(200) },
  {
    method: 'GET',
    route: '/api/v1/templates/:name',
    url: () => '/api/v1/templates/Document',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/templates',
    url: () => '/api/v1/templates',
    body: () => buildTemplate({ name: `T${unique()}`, properties: [] }),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'PUT',
    route: '/api/v1/templates/:name',
    url: () => '/api/v1/templates/Document',
    body: () => buildTemplate({ label: `Document ${unique()}` }),
    expect: ADMIN_ONLY(200),
  },
  { method: 'GET', route: '/api/v1/thesauri', url: () => '/api/v1/thesauri', expect: ALL_OK(200) },
  {
    method: 'GET',
    route: '/api/v1/thesauri/:name',
    url: () => '/api/v1/thesauri/regions',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/thesauri',
    url: () => '/api/v1/thesauri',
    body: () => ({ name: `t${unique()}`, label: 'T', values: [] }),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'PUT',
    route: '/api/v1/thesauri/:name',
    url: () => '/api/v1/thesauri/regions',
    body: () => ({ name: 'regions', label: 'Regions', values: [{ id: 'africa', label: 'Africa' }] }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'GET',
    route: '/api/v1/relation-types',
    url: () => '/api/v1/relation-types',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/relation-types',
    url: () => '/api/v1/relation-types',
    body: () => ({ name: `responds-${unique()}`, label: 'responds to', inverseLabel: 'answered by' }),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'POST',
    route: '/api/v1/templates/:name/check',
    url: () => '/api/v1/templates/Document/check',
    body: () => buildTemplate(),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'GET',
    route: '/api/v1/schema-jobs/:id',
    url: async (f) => {
      await freshEntity(f);
      const saved = await saveTemplate({
        store: f.store,
        actor: OPERATOR,
        name: 'Document',
        input: buildTemplate({ label: `Document ${unique()}` }),
      });
      return `/api/v1/schema-jobs/${saved.jobId}`;
    },
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'GET',
    route: '/api/v1/thesauri/:name/usage',
    url: () => '/api/v1/thesauri/regions/usage',
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'POST',
    route: '/api/v1/thesauri/:name/merge',
    url: async (f) => {
      const name = `m${unique()}`;
      const values = [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ];
      await saveThesaurus({ store: f.store, actor: OPERATOR, input: { name, label: 'M', values } });
      return `/api/v1/thesauri/${name}/merge`;
    },
    body: () => ({ from: 'a', into: 'b' }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'GET',
    route: '/api/v1/thesauri/:name/csv',
    url: () => '/api/v1/thesauri/regions/csv',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/thesauri/:name/csv',
    url: () => '/api/v1/thesauri/regions/csv',
    body: () => ({ csv: 'id,en\nafrica,Africa\n', dryRun: true }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'PUT',
    route: '/api/v1/relation-types/:name',
    url: () => '/api/v1/relation-types/responds-to',
    body: () => ({ name: 'responds-to', label: 'responds to', inverseLabel: `answered by ${unique()}` }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'GET',
    route: '/api/v1/relation-types/:name/usage',
    url: () => '/api/v1/relation-types/responds-to/usage',
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/relation-types/:name',
    url: async (f) => {
      const name = `gone-${unique()}`;
      await saveRelationType({
        store: f.store,
        actor: OPERATOR,
        input: { name, label: 'a', inverseLabel: 'b' },
      });
      return `/api/v1/relation-types/${name}`;
    },
    expect: ADMIN_ONLY(204),
  },
  { method: 'GET', route: '/api/v1/entities', url: () => '/api/v1/entities', expect: ALL_OK(200) },
  {
    method: 'GET',
    route: '/api/v1/entities/:id',
    url: (f) => `/api/v1/entities/${f.published}`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id',
    url: (f) => `/api/v1/entities/${f.restricted}`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/view',
    url: (f) => `/api/v1/entities/${f.published}/view`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/view',
    url: (f) => `/api/v1/entities/${f.restricted}/view`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/profile',
    url: async (f) => `/api/v1/entities/${await sectionProfile(f, true)}/profile`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/profile',
    url: async (f) => `/api/v1/entities/${await sectionProfile(f, false)}/profile`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/sections/:property',
    url: async (f) => `/api/v1/entities/${await sectionProfile(f, true)}/sections/documents?limit=1`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/sections/:property',
    url: async (f) => `/api/v1/entities/${await sectionProfile(f, false)}/sections/documents`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/sections/:property',
    url: (f) => `/api/v1/entities/${f.published}/sections/summary`,
    expect: ALL_OK(404),
    note: 'not a relationship section',
  },
  {
    method: 'POST',
    route: '/api/v1/entities',
    url: () => '/api/v1/entities',
    body: () => buildEntity(),
    expect: [401, 201, 201, 201],
  },
  {
    method: 'POST',
    route: '/api/v1/entities',
    url: () => '/api/v1/entities',
    body: () => buildEntity({ published: true }),
    expect: [401, 403, 201, 201],
    note: 'published',
    bodyDecides: true,
  },
  {
    method: 'PATCH',
    route: '/api/v1/entities/:id',
    url: (f) => `/api/v1/entities/${f.restricted}`,
    body: () => ({ title: `Renamed ${unique()}` }),
    expect: [401, 200, 200, 200],
  },
  {
    method: 'PATCH',
    route: '/api/v1/entities/:id',
    url: async (f) => `/api/v1/entities/${await freshEntity(f, false)}`,
    body: () => ({ published: true }),
    expect: [401, 403, 200, 200],
    note: 'publish',
    bodyDecides: true,
  },
  {
    method: 'PUT',
    route: '/api/v1/entities/:id',
    url: async (f) => `/api/v1/entities/${await freshEntity(f, false)}`,
    body: () => ({ ...buildEntity({ title: `Replaced ${unique()}` }), version: 1 }),
    expect: [401, 200, 200, 200],
  },
  {
    method: 'PUT',
    route: '/api/v1/entities/:id',
    url: async (f) => `/api/v1/entities/${await freshEntity(f, false)}`,
    body: () => ({ ...buildEntity({ title: `Replaced ${unique()}`, published: true }), version: 1 }),
    expect: [401, 403, 200, 200],
    note: 'publish',
    bodyDecides: true,
  },
  {
    method: 'POST',
    route: '/api/v1/entities/:id/publish',
    url: async (f) => `/api/v1/entities/${await freshEntity(f, false)}/publish`,
    expect: [401, 403, 200, 200],
  },
  {
    method: 'POST',
    route: '/api/v1/entities/:id/unpublish',
    url: async (f) => `/api/v1/entities/${await freshEntity(f, true)}/unpublish`,
    expect: [401, 403, 200, 200],
  },
  {
    method: 'POST',
    route: '/api/v1/entities/bulk',
    url: () => '/api/v1/entities/bulk',
    body: () => ({ ids: [], action: 'publish' }),
    expect: [401, 403, 400, 400],
    note: 'empty list',
  },
  {
    method: 'POST',
    route: '/api/v1/entities/bulk',
    url: () => '/api/v1/entities/bulk',
    body: (f) => ({ ids: [f.published], action: 'publish' }),
    expect: [401, 403, 200, 200],
  },
  {
    method: 'POST',
    route: '/api/v1/activity/revert',
    url: () => '/api/v1/activity/revert',
    body: () => ({ activityIds: [999_999] }),
    expect: [401, 403, 200, 200],
    note: 'an unknown entry is reported, not an error',
  },
  {
    method: 'POST',
    route: '/api/v1/activity/:id/revert',
    url: async (f) => `/api/v1/activity/${await freshChange(f)}/revert`,
    expect: [401, 403, 200, 200],
  },
  {
    method: 'DELETE',
    route: '/api/v1/entities/:id',
    url: async (f) => `/api/v1/entities/${await freshEntity(f)}`,
    expect: [401, 403, 204, 204],
  },
  {
    method: 'POST',
    route: '/api/v1/imports/csv',
    url: () => '/api/v1/imports/csv?template=Document&dryRun=true',
    multipart: true,
    expect: [401, 403, 403, 200],
    note: "a dry run: the preview lists the file's problems, nothing is written",
  },
  {
    method: 'GET',
    route: '/api/v1/imports/:id',
    url: () => '/api/v1/imports/999999',
    expect: [401, 403, 403, 404],
    note: 'no such import',
  },
  {
    method: 'POST',
    route: '/api/v1/entities/:id/files',
    url: (f) => `/api/v1/entities/${f.published}/files`,
    multipart: true,
    expect: [401, 202, 202, 202],
  },
  {
    method: 'POST',
    route: '/api/v1/files/:id/versions',
    url: async (f) => `/api/v1/files/${await freshFile(f, false)}/versions`,
    multipart: true,
    expect: [401, 202, 202, 202],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/toc',
    url: (f) => `/api/v1/files/${f.publishedFile}/toc`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/toc',
    url: (f) => `/api/v1/files/${f.restrictedFile}/toc`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'PUT',
    route: '/api/v1/files/:id/toc',
    url: (f) => `/api/v1/files/${f.publishedFile}/toc`,
    body: () => ({ entries: [{ label: 'Contents', level: 1, page: 1, paragraphId: null }] }),
    expect: [401, 403, 200, 200],
  },
  {
    method: 'PUT',
    route: '/api/v1/files/:id/toc',
    url: (f) => `/api/v1/files/${f.restrictedFile}/toc`,
    body: () => ({ entries: [] }),
    expect: [401, 403, 200, 200],
    note: 'restricted',
  },
  {
    method: 'POST',
    route: '/api/v1/files/:id/ocr',
    url: async (f) => `/api/v1/files/${await freshPdf(f, true)}/ocr`,
    body: () => ({ language: 'fra' }),
    expect: ADMIN_ONLY(202),
  },
  {
    method: 'POST',
    route: '/api/v1/files/:id/ocr',
    url: async (f) => `/api/v1/files/${await freshPdf(f, false)}/ocr`,
    body: () => ({ language: 'fra' }),
    expect: ADMIN_ONLY(202),
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id',
    url: (f) => `/api/v1/files/${f.publishedFile}`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id',
    url: (f) => `/api/v1/files/${f.restrictedFile}`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/download',
    url: (f) => `/api/v1/files/${f.publishedFile}/download`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/download',
    url: (f) => `/api/v1/files/${f.restrictedFile}/download`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/versions',
    url: (f) => `/api/v1/files/${f.publishedFile}/versions`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/versions',
    url: (f) => `/api/v1/files/${f.restrictedFile}/versions`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/versions/:version/download',
    url: (f) => `/api/v1/files/${f.publishedFile}/versions/1/download`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/versions/:version/download',
    url: (f) => `/api/v1/files/${f.restrictedFile}/versions/1/download`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/pages',
    url: (f) => `/api/v1/files/${f.publishedFile}/pages`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/paragraphs',
    url: (f) => `/api/v1/files/${f.restrictedFile}/paragraphs`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  { method: 'GET', route: '/api/v1/users', url: () => '/api/v1/users', expect: ADMIN_ONLY(200) },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: () => buildUser('collaborator'),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    url: async (f) =>
      `/api/v1/users/${(await addUser({ store: f.store, actor: OPERATOR, input: buildUser('collaborator') })).id}`,
    body: () => ({ role: 'editor' }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/:id',
    url: async (f) =>
      `/api/v1/users/${(await addUser({ store: f.store, actor: OPERATOR, input: buildUser('collaborator') })).id}`,
    expect: ADMIN_ONLY(204),
  },
  {
    method: 'POST',
    route: '/api/v1/users/:id/reset-link',
    url: async (f) =>
      `/api/v1/users/${(await addUser({ store: f.store, actor: OPERATOR, input: buildUser('collaborator') })).id}/reset-link`,
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'POST',
    route: '/api/v1/password-reset/check',
    url: () => '/api/v1/password-reset/check',
    body: () => ({ token: 'a'.repeat(43) }),
    expect: ALL_OK(404),
    note: 'the link is its own authority: an unknown one is a 404 for everyone',
  },
  {
    method: 'POST',
    route: '/api/v1/password-reset',
    url: () => '/api/v1/password-reset',
    body: () => ({ token: 'a'.repeat(43), password: 'a long enough password' }),
    expect: ALL_OK(404),
    note: 'the link is its own authority: an unknown one is a 404 for everyone',
  },
  { method: 'GET', route: '/api/v1/site', url: () => '/api/v1/site', expect: ALL_OK(200) },
  {
    method: 'PUT',
    route: '/api/v1/site',
    url: async (f) => {
      await profileTemplates(f);
      return '/api/v1/site';
    },
    body: () => ({
      name: `Portal ${unique()}`,
      contactEmail: 'contact@example.org',
      footerText: 'Footer',
      stateTemplate: 'State',
      organisationTemplate: 'Organisation',
      documentTemplate: 'Document',
      isoNumericProperty: '',
    }),
    expect: ADMIN_ONLY(200),
  },
  { method: 'GET', route: '/api/v1/activity', url: () => '/api/v1/activity', expect: ADMIN_ONLY(200) },
  // Search, suggestions and connections: the plugins `serve` adds (featureRoutes).
  {
    method: 'GET',
    route: '/api/v1/search',
    url: () => '/api/v1/search?q=infrastructure',
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/search/export',
    url: () => '/api/v1/search/export?q=infrastructure&format=csv',
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/search/export/zip',
    url: () => '/api/v1/search/export/zip?q=infrastructure&template=Document',
    expect: [401, 200, 200, 200],
    note: 'every original of the results in one request: signed-in accounts only',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/search',
    url: (f) => `/api/v1/files/${f.publishedFile}/search?q=infrastructure`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/search',
    url: (f) => `/api/v1/files/${f.restrictedFile}/search?q=assistance`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/autocomplete',
    url: () => '/api/v1/autocomplete?q=Sta',
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/suggestions',
    url: (f) => `/api/v1/suggestions?paragraphId=${f.publishedParagraph}`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/suggestions',
    url: (f) => `/api/v1/suggestions?paragraphId=${f.publishedParagraph}&targetEntityId=${f.restricted}`,
    expect: [404, 200, 200, 200],
    note: 'restricted target',
  },
  {
    method: 'GET',
    route: '/api/v1/references',
    url: (f) => `/api/v1/references?entityId=${f.published}`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/references/orphaned',
    url: () => '/api/v1/references/orphaned',
    expect: [401, 403, 200, 200],
  },
  {
    method: 'GET',
    route: '/api/v1/translations/missing',
    url: () => '/api/v1/translations/missing?lang=fr',
    expect: [401, 403, 200, 200],
  },
  {
    method: 'POST',
    route: '/api/v1/references',
    url: () => '/api/v1/references',
    body: (f) => ({
      relationType: 'responds-to',
      source: quoteIn(f.publishedFile, f.publishedText, 'ICT threats'),
      targetEntityId: f.restricted,
      target: quoteIn(f.restrictedFile, f.restrictedText, 'reasonable time'),
    }),
    expect: [401, 201, 201, 201],
  },
  {
    method: 'DELETE',
    route: '/api/v1/references/:id',
    url: async (f) => `/api/v1/references/${await freshReference(f)}`,
    expect: [401, 403, 204, 204],
  },
  {
    method: 'GET',
    route: '/api/v1/references/:id/reattach',
    url: async (f) => `/api/v1/references/${await freshOrphan(f)}/reattach`,
    expect: [401, 403, 200, 200],
  },
  {
    method: 'POST',
    route: '/api/v1/references/:id/reattach',
    url: async (f) => `/api/v1/references/${await freshOrphan(f)}/reattach`,
    body: (f) => {
      const start = f.publishedText.indexOf('ICT threats');
      return { side: 'source', start, end: start + 'ICT threats'.length };
    },
    expect: [401, 403, 200, 200],
  },
  // Outside the API: the plain-HTML text view and the OpenAPI document and UI.
  {
    method: 'GET',
    route: '/documents/:id/text',
    url: (f) => `/documents/${f.published}/text`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/documents/:id/text',
    url: (f) => `/documents/${f.restricted}/text`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  ...[
    ['/api/docs', 200],
    ['/api/docs/json', 200],
    ['/api/docs/yaml', 200],
    ['/api/docs/static/index.html', 302],
    ['/api/docs/static/swagger-initializer.js', 200],
    ['/api/docs/static/*', 200, '/api/docs/static/index.css'],
  ].map(
    ([route, status, url]): Case => ({
      method: 'GET',
      route: String(route),
      url: () => String(url ?? route),
      expect: ALL_OK(Number(status)),
    }),
  ),
];
