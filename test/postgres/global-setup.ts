import type { TestProject } from 'vitest/node';
import { connectPostgres, migratePostgres } from '../../src/store/postgres/open-postgres-store.ts';
import { startCluster } from './cluster.ts';
import { adminQuery, databaseUrl } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server the tests may create databases on (the throw-away cluster, or CYBERPORTAL_TEST_DATABASE_URL). */
    postgresUrl: string;
    /** A migrated database each test's database is copied from (CREATE DATABASE … TEMPLATE). */
    postgresTemplate: string;
  }
}

/**
 * Once per test run: a PostgreSQL server (a throw-away cluster unless CYBERPORTAL_TEST_DATABASE_URL names
 * one) and on it a template database with every migration run, so a test's own database is a file copy
 * rather than a migration run. The teardown removes what the run made.
 */
export default async function setup(project: TestProject) {
  const external = process.env.CYBERPORTAL_TEST_DATABASE_URL;
  const cluster = external ? null : await startCluster();
  const url = external ?? (cluster?.url as string);
  const template = `cyberportal_template_${process.pid}_${Date.now().toString(36)}`;
  try {
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const { db } = connectPostgres(databaseUrl(url, template), { maxConnections: 1 });
    try {
      await migratePostgres(db);
    } finally {
      await db.destroy();
    }
  } catch (err) {
    await cluster?.stop();
    throw err;
  }
  project.provide('postgresUrl', url);
  project.provide('postgresTemplate', template);
  return async () => {
    if (cluster) await cluster.stop();
    else await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  };
}
