import { mergePatch } from '../domain/merge-patch.ts';
import {
  type Entity,
  EntityPatch,
  EntityReplace,
  type LastReviewed,
  NOT_REVIEWED,
} from '../domain/schemas/entity.ts';
import type { EntityTranslations } from '../domain/schemas/translations.ts';
import type { Store } from '../store/store.ts';
import { fieldErrors, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { type BasedOn, basedOnOf, writeEntity } from './write-entity.ts';

/** A review record merged with its patch (RFC 7396): an absent member is kept, null removes it. */
function mergeReview(current: LastReviewed, patch: EntityPatch['lastReviewed']): LastReviewed {
  if (patch === undefined) return current;
  if (patch === null) return NOT_REVIEWED;
  return {
    profile: patch.profile === undefined ? current.profile : patch.profile,
    sections:
      patch.sections === undefined
        ? current.sections
        : patch.sections === null
          ? {}
          : (mergePatch(current.sections, patch.sections) as LastReviewed['sections']),
  };
}

/**
 * Changes an entity by JSON Merge Patch (RFC 7396, `PATCH /entities/:id`): a member absent from the patch
 * is untouched, null removes it, metadata and lastReviewed are merged key by key. Based on the version given
 * (body `version` or If-Match) when there is one: 409 if it is old. Without one the merge applies to the
 * current version (it touches only the members it names).
 */
export async function updateEntity({
  store,
  actor,
  id,
  patch,
  ifMatch,
}: {
  store: Store;
  actor: Actor;
  id: string;
  patch: EntityPatch;
  ifMatch?: BasedOn;
}): Promise<Entity> {
  const parsed = EntityPatch.safeParse(patch);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const p = parsed.data;
  return writeEntity({
    store,
    actor,
    id,
    basedOn: basedOnOf(p.version, ifMatch),
    desire: (current) => ({
      title: p.title ?? current.title,
      language: p.language ?? current.language,
      published: p.published ?? current.published,
      metadata:
        p.metadata === undefined
          ? current.metadata
          : p.metadata === null
            ? {}
            : (mergePatch(current.metadata, p.metadata) as Record<string, unknown>),
      translations:
        p.translations === undefined
          ? current.translations
          : p.translations === null
            ? {}
            : (mergePatch(current.translations, p.translations) as EntityTranslations),
      lastReviewed: mergeReview(current.lastReviewed, p.lastReviewed),
    }),
  });
}

/**
 * Replaces an entity's title, language, published flag and metadata whole (`PUT /entities/:id`): metadata
 * keys absent from the input are removed. Must say which version it replaces (428 otherwise).
 */
export async function replaceEntity({
  store,
  actor,
  id,
  input,
  ifMatch,
}: {
  store: Store;
  actor: Actor;
  id: string;
  input: EntityReplace;
  ifMatch?: BasedOn;
}): Promise<Entity> {
  const parsed = EntityReplace.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const r = parsed.data;
  return writeEntity({
    store,
    actor,
    id,
    basedOn: basedOnOf(r.version, ifMatch),
    requireVersion: true,
    desire: (current) => ({
      title: r.title,
      language: r.language,
      published: r.published,
      metadata: r.metadata,
      translations: r.translations,
      lastReviewed: r.lastReviewed ?? current.lastReviewed,
    }),
    note: (next, fields) => ({
      code: 'entity.replaced',
      params: { template: next.template, title: next.title, fields },
    }),
  });
}

/** Publishes or unpublishes one entity (`POST /entities/:id/publish|unpublish`, editors and admins). */
export async function setPublished({
  store,
  actor,
  id,
  published,
  ifMatch,
}: {
  store: Store;
  actor: Actor;
  id: string;
  published: boolean;
  ifMatch?: BasedOn;
}): Promise<Entity> {
  return writeEntity({
    store,
    actor: requireRole(actor, 'editor'),
    id,
    basedOn: ifMatch,
    action: published ? 'publish' : 'unpublish',
    desire: (current) => ({ ...current, published }),
    note: (next, fields) => ({
      code: published ? 'entity.published' : 'entity.unpublished',
      params: { template: next.template, title: next.title, already: fields.length === 0 },
    }),
  });
}
