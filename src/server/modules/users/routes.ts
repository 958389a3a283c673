import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  inviteUserInput,
  resendInvitationInput,
  resendInvitationOutput,
  updateUserInput,
  userListOutput,
  userOutput,
} from '../../../shared/schemas/auth';
import { pageQueryFields } from '../../../shared/schemas/common';
import { inviteUser, listUsers, resendInvitation, updateUser } from './manageUsers';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'All accounts (administrators only), by name',
        querystring: z.strictObject(pageQueryFields),
        response: { 200: userListOutput },
      },
    },
    async (req) => listUsers(req.ctx, req.query),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Invite a colleague or member officer by e-mail', body: inviteUserInput, response: { 201: userOutput } } },
    async (req, reply) => {
      reply.status(201);
      return inviteUser(req.ctx, req.body);
    },
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change role, institution or active flag',
        params: z.object({ id: z.uuid() }),
        body: updateUserInput,
        response: { 200: userOutput },
      },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/invitation',
    {
      schema: {
        tags,
        summary:
          'Issue a new invitation link for an account without a password (earlier links stop working); e-mail it unless send is false',
        params: z.object({ id: z.uuid() }),
        body: resendInvitationInput,
        response: { 200: resendInvitationOutput },
      },
    },
    async (req) => resendInvitation(req.ctx, req.params.id, req.body),
  );
};
