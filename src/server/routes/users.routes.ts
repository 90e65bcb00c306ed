import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../domain/schemas/api.ts';
import { PasswordResetLink, User, UserInput, UserPatch } from '../../domain/schemas/user.ts';
import { addUser } from '../../operations/add-user.ts';
import { deleteUser } from '../../operations/delete-user.ts';
import { listUsers } from '../../operations/list-users.ts';
import { createPasswordResetLink } from '../../operations/password-reset-links.ts';
import { updateUser } from '../../operations/update-user.ts';
import { presentUser } from '../presenters/user.presenter.ts';

/** Accounts (admins only). */
export const usersRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get(
    '/users',
    { schema: { tags, summary: 'Every account (admin)', response: { 200: z.array(User) } } },
    async (req) => (await listUsers({ store: app.store, actor: req.actor })).map(presentUser),
  );
  r.post(
    '/users',
    { schema: { tags, summary: 'Add an account (admin)', body: UserInput, response: { 201: User } } },
    async (req, reply) => {
      const user = await addUser({ store: app.store, actor: req.actor, input: req.body });
      return reply.code(201).send(presentUser(user));
    },
  );
  r.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change password, role or disabled state (admin)',
        params: IdParams,
        body: UserPatch,
        response: { 200: User },
      },
    },
    async (req) =>
      presentUser(
        await updateUser({ store: app.store, actor: req.actor, id: req.params.id, patch: req.body }),
      ),
  );
  r.post(
    '/users/:id/reset-link',
    {
      schema: {
        tags,
        summary: 'Issue a one-time password-reset link (admin)',
        description:
          'The token is answered once and stored only as its hash; the link (`/reset-password#<token>` in the ' +
          'web app) works once, for RESET_LINK_HOURS hours, and replaces the account’s earlier unused links.',
        params: IdParams,
        response: { 201: PasswordResetLink },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createPasswordResetLink({ store: app.store, actor: req.actor, userId: req.params.id })),
  );
  r.delete(
    '/users/:id',
    { schema: { tags, summary: 'Remove an account (admin)', params: IdParams } },
    async (req, reply) => {
      await deleteUser({ store: app.store, actor: req.actor, id: req.params.id });
      return reply.code(204).send();
    },
  );
};
