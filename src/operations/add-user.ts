import { UserInput } from '../domain/schemas/user.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store, UserRecord } from '../store/store.ts';
import { Conflict, fieldErrors, ValidationFailed } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Creates an account (admins, or the operator at the command line). */
export async function addUser({
  store,
  actor,
  input,
}: {
  store: Store;
  actor: Actor;
  input: UserInput;
}): Promise<UserRecord> {
  const who = requireRole(actor, 'admin');
  const parsed = UserInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { username, password, role } = parsed.data;
  if (await store.users.findByUsername(username))
    throw new Conflict(`The username "${username}" is taken`, {
      code: 'usernameTaken',
      params: { username },
    });
  const id = newId();
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.users.insert({ id, username, passwordHash, role, at: nowIso() });
    await recordActivity({
      store: tx,
      actor: who,
      action: 'create',
      targetType: 'user',
      targetId: id,
      note: { code: 'user.added', params: { role, username } },
    });
  });
  return (await store.users.findById(id))!;
}
