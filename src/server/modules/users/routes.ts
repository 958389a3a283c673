import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteUserInput, updateUserInput } from '../../../shared/schemas/auth';
import { inviteUser, listUsers, updateUser } from './manageUsers';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', { schema: { tags, summary: 'All accounts (administrators only)' } }, async (req) => listUsers(req.ctx));
  app.post('/api/users', { schema: { tags, summary: 'Invite a colleague or member officer by e-mail', body: inviteUserInput } }, async (req, reply) => {
    reply.status(201);
    return inviteUser(req.ctx, req.body);
  });
  app.patch('/api/users/:id', { schema: { tags, summary: 'Change role, institution or active flag', params: z.object({ id: z.uuid() }), body: updateUserInput } }, async (req) =>
    updateUser(req.ctx, req.params.id, req.body),
  );
};
