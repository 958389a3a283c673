import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListOutput } from '../../../shared/schemas/audit';
import { auditQuery, listAudit } from './listAudit';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail (administrators only)',
        querystring: auditQuery,
        response: { 200: auditListOutput },
      },
    },
    async (req) => listAudit(req.ctx, req.query),
  );
};
