import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EntityInput } from '../src/domain/schemas/entity.ts';
import type { TemplateInput } from '../src/domain/schemas/template.ts';
import type { Role, UserInput } from '../src/domain/schemas/user.ts';
import { addUser } from '../src/operations/add-user.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import type { Store } from '../src/store/store.ts';

const suffix = () => randomBytes(4).toString('hex');

/** A template input; by default "Document" with a required text, a number and a relationship property. */
export function buildTemplate(overrides: Partial<TemplateInput> = {}): TemplateInput {
  return {
    name: 'Document',
    label: 'Document',
    properties: [
      {
        name: 'summary',
        label: 'Summary',
        type: 'text',
        required: true,
        filterable: false,
        showInCard: true,
      },
      {
        name: 'pages',
        label: 'Pages',
        type: 'number',
        required: false,
        filterable: false,
        showInCard: false,
      },
      {
        name: 'cites',
        label: 'Cites',
        type: 'relationship',
        required: false,
        filterable: false,
        showInCard: false,
      },
    ],
    ...overrides,
  };
}

/** An entity input of the default template with valid metadata. */
export function buildEntity(overrides: Partial<EntityInput> = {}): EntityInput {
  return {
    template: 'Document',
    title: `Sample strategy ${suffix()}`,
    language: 'en',
    published: false,
    metadata: { summary: 'A sample national cyber strategy.' },
    ...overrides,
  };
}

/** A user input with a unique name; the password is the username repeated (long enough for the policy). */
export function buildUser(role: Role = 'editor', overrides: Partial<UserInput> = {}): UserInput {
  const username = `${role}-${suffix()}`;
  return { username, password: `${username}-password`, role, ...overrides };
}

/** Credentials for requests: the session cookie header and the CSRF token. */
export type Login = { cookie: string; csrf: string; userId: string; username: string };

/** Creates a user of `role` directly in the store and signs in through the API. */
export async function loginAs(app: FastifyInstance, role: Role, store: Store = app.store): Promise<Login> {
  const input = buildUser(role);
  const user = await addUser({ store, actor: OPERATOR, input });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: input.username, password: input.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'cp_session');
  if (!set) throw new Error('login set no cp_session cookie');
  return {
    cookie: `cp_session=${set.value}`,
    csrf: res.json().csrfToken,
    userId: user.id,
    username: input.username,
  };
}

/** Headers for a signed-in write. */
export const authHeaders = (login: Login) => ({ cookie: login.cookie, 'x-csrf-token': login.csrf });
/** A multipart/form-data body with one file field, for `app.inject`. */
export function multipartBody(
  filename: string,
  content: Buffer | string,
  { field = 'file', type = 'application/octet-stream' } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cyberportal${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
