import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting the portal reads from its environment; nothing else reads process.env. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('127.0.0.1').describe('Interface to listen on (0.0.0.0 to expose)'),
  CYBERPORTAL_DATA: z.string().default('./data').describe('Data directory: database and uploaded files'),
  CYBERPORTAL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres://user:password@host:port/database URL')
    .optional()
    .describe('PostgreSQL database instead of the SQLite file in the data directory'),
  CYBERPORTAL_MAX_UPLOAD_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(200)
    .describe('Largest upload'),
  CYBERPORTAL_INGEST_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(1)
    .describe('Files processed at once'),
  CYBERPORTAL_INGEST_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0.01)
    .max(86_400)
    .default(180)
    .describe('Longest extraction of one file; a file over it fails "took too long"'),
  CYBERPORTAL_INGEST_MEMORY_MB: z.coerce
    .number()
    .int()
    .min(64)
    .max(65_536)
    .default(1024)
    .describe("Memory one file's extraction may take; a file over it fails with a reason"),
  CYBERPORTAL_SEARCH_WORKERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(16)
    .optional()
    .describe('Search worker processes (default: one per core)'),
  CYBERPORTAL_SEARCH_CACHE: bool
    .default(true)
    .describe('Shared cache of search results, invalidated by every write (0 turns it off)'),
  CYBERPORTAL_SEARCH_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(5000)
    .describe(
      'Deadline of one search, autocomplete, suggestion or export page; past it the worker is replaced',
    ),
  CYBERPORTAL_TRUST_PROXY: bool
    .default(false)
    .describe('Behind a TLS-terminating proxy: trust X-Forwarded-*'),
  CYBERPORTAL_SIGNIN_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(10)
    .describe('Sign-in attempts one client address may make per minute'),
  CYBERPORTAL_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "The portal's address for readers (https://portal.example): exports write this site's file addresses under it; unset, a request's own address is used",
    ),
  CYBERPORTAL_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

/** The typed configuration every entry point passes down. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL database (postgres://…) instead of SQLite in dataDir; originals stay in dataDir. */
  databaseUrl: string | null;
  maxUploadBytes: number;
  ingestConcurrency: number;
  ingestTimeoutSeconds: number;
  ingestMemoryMb: number;
  searchWorkers: number;
  searchTimeoutMs: number;
  /** The shared search result cache (docs/ARCHITECTURE.md, decision 20). */
  searchCache: boolean;
  trustProxy: boolean;
  /** Sign-in attempts per client address per minute (the address from X-Forwarded-For when trustProxy). */
  signInAttemptsPerMinute: number;
  logLevel: z.infer<typeof EnvSchema>['CYBERPORTAL_LOG_LEVEL'];
  /** The portal's address for readers (origin, no trailing slash), when set; exports make full addresses with it. */
  publicUrl?: string | null;
};

/** Thrown with every problem listed, so an operator fixes them all at once. */
export class ConfigError extends Error {}

/** Reads the configuration from an environment (process.env by default) plus command-line overrides. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.CYBERPORTAL_DATA),
    databaseUrl: e.CYBERPORTAL_DATABASE_URL ?? null,
    maxUploadBytes: e.CYBERPORTAL_MAX_UPLOAD_MB * 1024 * 1024,
    ingestConcurrency: e.CYBERPORTAL_INGEST_CONCURRENCY,
    ingestTimeoutSeconds: e.CYBERPORTAL_INGEST_TIMEOUT_SECONDS,
    ingestMemoryMb: e.CYBERPORTAL_INGEST_MEMORY_MB,
    // Searches are CPU-bound: one worker per core keeps every core busy and no more.
    searchWorkers: e.CYBERPORTAL_SEARCH_WORKERS ?? Math.max(1, availableParallelism()),
    searchCache: e.CYBERPORTAL_SEARCH_CACHE,
    searchTimeoutMs: e.CYBERPORTAL_SEARCH_TIMEOUT_MS,
    trustProxy: e.CYBERPORTAL_TRUST_PROXY,
    signInAttemptsPerMinute: e.CYBERPORTAL_SIGNIN_PER_MINUTE,
    logLevel: e.CYBERPORTAL_LOG_LEVEL,
    publicUrl: e.CYBERPORTAL_PUBLIC_URL ? new URL(e.CYBERPORTAL_PUBLIC_URL).origin : null,
    ...overrides,
    ...(overrides.dataDir ? { dataDir: resolve(overrides.dataDir) } : {}),
  };
}
