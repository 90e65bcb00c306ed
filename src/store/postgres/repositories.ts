import type { Kysely } from 'kysely';
import { createActivityRepository } from '../repositories/activity.repository.ts';
import { createEntityRepository } from '../repositories/entity.repository.ts';
import { createFileRepository } from '../repositories/file.repository.ts';
import { createJobRepository } from '../repositories/job.repository.ts';
import { createPageRepository } from '../repositories/page.repository.ts';
import { createReferenceRepository } from '../repositories/reference.repository.ts';
import { createRelationTypeRepository } from '../repositories/relation-type.repository.ts';
import { createSessionRepository } from '../repositories/session.repository.ts';
import { createTemplateRepository } from '../repositories/template.repository.ts';
import { createThesaurusRepository } from '../repositories/thesaurus.repository.ts';
import { createUserRepository } from '../repositories/user.repository.ts';
import { postgresDialect } from '../sql-dialect.ts';
import type { Repositories } from '../store.ts';
import type { Tables } from '../tables.ts';

/**
 * A part of the store still written in raw better-sqlite3 (issue 13 converts them to shared Kysely
 * repositories). On PostgreSQL it throws when used, naming itself, instead of failing somewhere deeper.
 */
function notYetOnPostgres<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, method) {
      if (typeof method === 'symbol' || method === 'then') return undefined;
      return () => {
        throw new Error(`store.${name}.${method} is not available on PostgreSQL yet`);
      };
    },
  });
}

/** Every repository on one PostgreSQL connection or transaction: the shared Kysely ones. */
export function postgresRepositories(db: Kysely<Tables>): Repositories {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    templates: createTemplateRepository(db),
    thesauri: createThesaurusRepository(db),
    entities: {
      ...createEntityRepository(db),
      findIdsByMetadata: notYetOnPostgres<Repositories['entities']>('entities').findIdsByMetadata,
    },
    files: createFileRepository(db),
    fileText: notYetOnPostgres('fileText'),
    pages: createPageRepository(db),
    references: createReferenceRepository(db, postgresDialect),
    relationTypes: createRelationTypeRepository(db),
    jobs: (() => {
      const later = notYetOnPostgres<Repositories['jobs']>('jobs');
      return {
        ...createJobRepository(db),
        countByStatus: later.countByStatus,
        finishFileJobs: later.finishFileJobs,
        queuedFileIds: later.queuedFileIds,
      };
    })(),
    activity: createActivityRepository(db),
    searchIndex: notYetOnPostgres('searchIndex'),
    collection: notYetOnPostgres('collection'),
  };
}
