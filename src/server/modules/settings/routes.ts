import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisationSettingsSchema } from '../../../shared/schemas/settings';
import { readOrganisationSettings, updateOrganisationSettings } from './organisationSettings';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/organisation',
    { schema: { tags, summary: 'Letterhead and rupiah style printed on documents (any signed-in user)' } },
    async (req) => readOrganisationSettings(req.ctx),
  );
  app.put(
    '/api/settings/organisation',
    { schema: { tags, summary: 'Replace the letterhead and rupiah style (administrators only)', body: organisationSettingsSchema } },
    async (req) => updateOrganisationSettings(req.ctx, req.body),
  );
};
