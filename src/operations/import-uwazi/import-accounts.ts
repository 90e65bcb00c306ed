import { Username } from '../../domain/schemas/user.ts';
import { newId, nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { type BsonDoc, idOf } from './read-dump.ts';
import type { ImportReport } from './report.ts';

/**
 * Not a scrypt hash, so no password ever matches it (verifyPassword refuses malformed hashes): an imported
 * account signs in only after an admin sets its password (`cyberportal user passwd`, PATCH /users/:id).
 * Uwazi's bcrypt hashes are not carried over: we would have to verify a second scheme forever.
 */
export const MUST_RESET_PASSWORD = '!uwazi-import:password-must-be-reset';

const ROLES = new Set(['admin', 'editor', 'collaborator']);

/** Uwazi users as accounts without a password; answers Uwazi user id → our user id. */
export async function importUsers({
  store,
  users,
  mapped,
  dryRun,
  report,
}: {
  store: Store;
  users: BsonDoc[];
  mapped: Map<string, string> | undefined;
  dryRun: boolean;
  report: ImportReport;
}): Promise<Map<string, string>> {
  const r = report.kinds.users;
  const ids = new Map(mapped ?? []);
  for (const u of users) {
    r.read++;
    const uwaziId = idOf(u._id);
    const username = String(u.username ?? '');
    if (mapped?.has(uwaziId)) {
      r.unchanged++;
      continue;
    }
    if (!Username.safeParse(username).success) {
      r.failed.push(`"${username}": not a valid username here (3–64 letters, digits, . _ @ -)`);
      continue;
    }
    if (!ROLES.has(String(u.role))) {
      r.failed.push(`${username}: unknown role "${String(u.role)}"`);
      continue;
    }
    if (await store.users.findByUsername(username)) {
      r.failed.push(`${username}: an account with this name already exists here; left as it is`);
      continue;
    }
    r.imported++;
    if (dryRun) continue;
    const id = newId();
    const at = nowIso();
    await store.transaction(async (tx) => {
      await tx.users.insert({
        id,
        username,
        passwordHash: MUST_RESET_PASSWORD,
        role: String(u.role) as 'admin',
        at,
      });
      await tx.importMappings.insert('uwazi', [{ kind: 'user', sourceId: uwaziId, localId: id }], at);
    });
    ids.set(uwaziId, id);
  }
  if (r.imported)
    r.loss.push(
      `${r.imported} accounts imported without their password (each must be given a new one by an admin); e-mail, groups and two-factor settings not kept`,
    );
  return ids;
}

/**
 * Uwazi's activity log as entries of ours, read-only: they carry no field-level changes, so nothing can
 * revert them; the request (method, URL, body as Uwazi logged it, passwords already masked) is the summary.
 */
export async function importActivity({
  store,
  logs,
  userIdOf,
  mapped,
  dryRun,
  report,
}: {
  store: Store;
  logs: BsonDoc[];
  userIdOf: (uwaziId: string) => string | undefined;
  mapped: Map<string, string> | undefined;
  dryRun: boolean;
  report: ImportReport;
}): Promise<void> {
  const r = report.kinds.activity;
  const rows: { uwaziId: string; l: BsonDoc; at: string }[] = [];
  for (const l of logs) {
    r.read++;
    const uwaziId = idOf(l._id);
    if (mapped?.has(uwaziId)) {
      r.unchanged++;
      continue;
    }
    const time = typeof l.time === 'number' ? new Date(l.time) : null;
    if (!time || Number.isNaN(time.getTime())) {
      r.failed.push(`${uwaziId}: no time`);
      continue;
    }
    rows.push({ uwaziId, l, at: time.toISOString() });
  }
  r.imported += rows.length;
  if (dryRun || rows.length === 0) return;
  await store.transaction(async (tx) => {
    const mappings = [];
    for (const { uwaziId, l, at } of rows) {
      const id = await tx.activity.insert({
        userId: userIdOf(idOf(l.user)) ?? null,
        username: typeof l.username === 'string' ? l.username : null,
        action: `uwazi ${String(l.method ?? '').toLowerCase()}`.trim(),
        targetType: 'uwazi-request',
        targetId: null,
        summary: `${String(l.method ?? '')} ${String(l.url ?? '')} ${String(l.body ?? '')}`.slice(0, 1000),
        code: 'uwazi.request',
        params: {
          method: String(l.method ?? ''),
          url: String(l.url ?? '').slice(0, 1000),
          body: String(l.body ?? '').slice(0, 1000),
        },
        at,
        changes: null,
      });
      mappings.push({ kind: 'activity', sourceId: uwaziId, localId: String(id) });
    }
    await tx.importMappings.insert('uwazi', mappings, nowIso());
  });
}
