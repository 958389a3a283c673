import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse, mimeTypes } from '../../../shared/schemas/common';
import { organisationSettingsOutput, organisationSettingsSchema } from '../../../shared/schemas/settings';
import { authorize } from '../../core/policy';
import { readUpload } from '../../core/upload';
import { getOrganisationLogo, organisationLogoMaxBytes, uploadOrganisationLogo } from './organisationLogo';
import { readOrganisationSettings, updateOrganisationSettings } from './organisationSettings';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/organisation',
    {
      schema: {
        tags,
        summary: 'Letterhead and rupiah style printed on documents (any signed-in user)',
        response: { 200: organisationSettingsOutput },
      },
    },
    async (req) => readOrganisationSettings(req.ctx),
  );
  app.put(
    '/api/settings/organisation',
    {
      schema: {
        tags,
        summary: 'Replace the letterhead and rupiah style (administrators only)',
        body: organisationSettingsSchema,
        response: { 200: organisationSettingsOutput },
      },
    },
    async (req) => updateOrganisationSettings(req.ctx, req.body),
  );
  app.post(
    '/api/settings/organisation/logo',
    {
      schema: {
        tags,
        summary: 'Upload the letterhead logo: multipart field "file", PNG or JPEG, at most 1 MB (administrators only)',
        consumes: ['multipart/form-data'],
        response: { 200: organisationSettingsOutput },
      },
    },
    async (req) => {
      // Refuse before reading the body: only administrators may upload.
      authorize(req.ctx.actor, 'settings.manage');
      return uploadOrganisationLogo(req.ctx, await readUpload(req, { maxBytes: organisationLogoMaxBytes, what: 'Logo' }));
    },
  );
  app.get(
    '/api/settings/organisation/logo',
    {
      schema: {
        tags,
        summary: 'The letterhead logo image (PNG or JPEG)',
        response: { 200: binaryResponse([mimeTypes.png, mimeTypes.jpeg], 'The logo image') },
      },
    },
    async (req, reply) => {
      const logo = await getOrganisationLogo(req.ctx);
      const etag = `"${logo.sha256}"`;
      reply.header('cache-control', 'private, max-age=300').header('etag', etag);
      // 304 carries no body, so it needs no response schema (the type provider only knows the declared 200).
      if (req.headers['if-none-match'] === etag) return reply.status(304 as 200).send();
      return reply.type(logo.mime).send(logo.content);
    },
  );
};
