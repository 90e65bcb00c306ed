import { diffEntity } from '../../domain/entity-diff.ts';
import type { Entity } from '../../domain/schemas/entity.ts';
import { SCHEMA_JOB, type SchemaJobStatus } from '../../domain/schemas/schema-admin.ts';
import type { Property } from '../../domain/schemas/template.ts';
import {
  applyTemplateChange,
  applyToTranslations,
  type TemplateChangePlan,
} from '../../domain/template-change.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { NotFound } from '../errors.ts';
import { mayTakeUp, RUNNING_HERE, THIS_PROCESS } from '../import-csv/import-owner.ts';
import { type Actor, requireRole } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
import { conversionContext } from './conversion-context.ts';

/** Entities per transaction: one batch's entities are in memory, and the writer is held ~tens of ms. */
export const SCHEMA_BATCH = 200;

/** A schema job's payload (see SCHEMA_JOB): the plan, who asked, and where the walk stands. */
export type SchemaJobPayload = {
  template: string;
  plan: Pick<TemplateChangePlan, 'removed' | 'changed'>;
  actor: { id: string | null; username: string };
  total: number;
  done: number;
  changed: number;
  /** The last entity id done (entities are walked in id order). */
  afterId: string;
  owner?: string;
};

/**
 * Queues the job that brings a template's entities in step with a saved change (call it in the save's
 * transaction); nothing when the template has no entities.
 */
export async function queueSchemaJob(
  tx: Store,
  actor: NonNullable<Actor>,
  template: string,
  plan: SchemaJobPayload['plan'],
): Promise<number | null> {
  const total = await tx.entities.countOfTemplate(template);
  if (total === 0) return null;
  const payload: SchemaJobPayload = {
    template,
    plan,
    actor: { id: actor.id, username: actor.username },
    total,
    done: 0,
    changed: 0,
    afterId: '',
    owner: THIS_PROCESS,
  };
  // The time makes two saves in a row two jobs: the second's plan is not the first's.
  return tx.jobs.enqueue(SCHEMA_JOB, { ...payload, queuedAt: nowIso() }, nowIso());
}

/** Jobs of this process run one after the other: two changes of one template apply in the order saved. */
let queue: Promise<unknown> = Promise.resolve();

/** Runs queued schema jobs in the background, in order; errors go to `onError` and stay on the job. */
export function runSchemaJobsSoon(store: Store, ids: (number | null)[], onError?: (err: Error) => void) {
  for (const id of ids) {
    if (id === null) continue;
    RUNNING_HERE.add(id);
    queue = queue.then(() => runSchemaJob(store, id).catch((err: Error) => onError?.(err)));
  }
}

/** Waits for the jobs this process has started (tests, a server closing). */
export const schemaJobsSettled = () => queue;

/**
 * Walks a template's entities in id order, in batches of one transaction each: values of removed
 * properties are dropped and changed ones converted (a rewritten entity gets a new version and one
 * activity entry with its diff, which the log can revert), and every entity is reindexed, since what
 * search shows of it (facets, cards, thesaurus labels) follows the template. Each batch moves the job's
 * `afterId` in its own transaction, so a killed job goes on after the last batch written.
 */
export async function runSchemaJob(store: Store, id: number): Promise<void> {
  RUNNING_HERE.add(id);
  try {
    const job = await store.jobs.findById(id);
    if (!job || job.kind !== SCHEMA_JOB || job.status === 'done') return;
    let p = job.payload as unknown as SchemaJobPayload;
    const actor = { ...p.actor, role: 'admin' as const };
    const current = await store.templates.findByName(p.template);
    if (!current) {
      await store.jobs.update(id, { status: 'failed', error: `template ${p.template} is gone` }, nowIso());
      return;
    }
    const plan: TemplateChangePlan = { ...p.plan, required: [] };
    await store.jobs.update(id, { status: 'running', progress: p.done / Math.max(p.total, 1) }, nowIso());
    for (;;) {
      const ids = await store.entities.idsOfTemplate(p.template, p.afterId, SCHEMA_BATCH);
      if (ids.length === 0) break;
      const entities = await store.entities.findMany(ids);
      const ctx = await conversionContext(store, plan, entities);
      await store.transaction(async (tx) => {
        let changed = 0;
        for (const e of entities) {
          if (await rewrite(tx, actor, e, plan, ctx)) changed++;
          await tx.searchIndex.indexEntity(e.id);
        }
        const total = Math.max(p.total, p.done + ids.length);
        p = { ...p, total, done: p.done + ids.length, changed: p.changed + changed, afterId: ids.at(-1)! };
        await tx.jobs.update(
          id,
          { payload: { ...p, owner: THIS_PROCESS }, progress: p.done / total, status: 'running' },
          nowIso(),
        );
      });
      // Requests that arrived during the batch are served before the next one.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await store.jobs.update(
      id,
      { payload: { ...p, total: p.done }, status: 'done', progress: 1, error: null },
      nowIso(),
    );
  } catch (err) {
    await store.jobs
      .update(id, { status: 'failed', error: (err as Error).message }, nowIso())
      .catch(() => {});
    throw err;
  } finally {
    RUNNING_HERE.delete(id);
  }
}

/** Rewrites one entity's values under the plan; true when something changed (and was logged). */
async function rewrite(
  tx: Store,
  actor: NonNullable<Actor>,
  e: Entity,
  plan: TemplateChangePlan,
  ctx: Awaited<ReturnType<typeof conversionContext>>,
): Promise<boolean> {
  const { metadata, lost, held } = applyTemplateChange(e.metadata, plan, ctx);
  if (held.length === 0) return false;
  const next: Entity = {
    ...e,
    metadata,
    translations: applyToTranslations(e.translations, plan),
    updatedAt: nowIso(),
    version: e.version + 1,
  };
  const changes = diffEntity(e, next);
  if (changes.length === 0) return false;
  if (!(await tx.entities.update(next, e.version))) return false; // written meanwhile: its writer validated it
  const relationships = plan.changed.filter(
    (c) => c.to.type === 'relationship' || c.from.type === 'relationship',
  );
  if (relationships.length) await tx.entities.replaceLinks(e.id, linksOf(next, ctx.properties));
  await recordActivity({
    store: tx,
    actor,
    action: 'update',
    targetType: 'entity',
    targetId: e.id,
    note: {
      code: 'entity.templateChanged',
      params: { template: e.template, title: e.title, held, removed: lost },
    },
    changes,
  });
  return true;
}

/** The relationship links of an entity's metadata under its template's properties. */
const linksOf = (e: Entity, properties: Property[]) =>
  properties
    .filter((p) => p.type === 'relationship')
    .flatMap((p) =>
      ((e.metadata[p.name] as string[] | undefined) ?? []).map((toId) => ({ property: p.name, toId })),
    );

/** `GET /schema-jobs/:id` (admins): where a template change's rewrite and reindex stand. */
export async function getSchemaJob({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: number;
}): Promise<SchemaJobStatus> {
  requireRole(actor, 'admin');
  const job = await store.jobs.findById(id);
  if (!job || job.kind !== SCHEMA_JOB) throw new NotFound('Schema job', String(id));
  const p = job.payload as unknown as SchemaJobPayload;
  return {
    id: job.id,
    template: p.template,
    status: job.status,
    done: p.done,
    total: p.total,
    progress: job.progress ?? 0,
    changed: p.changed,
    error: job.error,
  };
}

/** At a server's start: schema jobs a stopped process left unfinished go on after their last batch. */
export async function resumeSchemaJobs(store: Store, onError?: (err: Error) => void): Promise<number[]> {
  const open = [
    ...(await store.jobs.list({ status: 'running', kinds: [SCHEMA_JOB] })),
    ...(await store.jobs.list({ status: 'queued', kinds: [SCHEMA_JOB] })),
  ].sort((a, b) => a.id - b.id);
  const taken: number[] = [];
  for (const job of open) {
    if (!mayTakeUp(job)) continue;
    if (!(await store.jobs.claimIfUnchanged(job.id, job.updatedAt, nowIso()))) continue;
    taken.push(job.id);
  }
  runSchemaJobsSoon(store, taken, onError);
  return taken;
}
