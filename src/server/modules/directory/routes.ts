import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createInstitutionInput,
  createOfficerInput,
  institutionDetailSchema,
  institutionListSchema,
  listInstitutionsQuery,
  listOfficersQuery,
  officerListSchema,
  officerSchema,
  setActiveInput,
  updateInstitutionInput,
  updateOfficerInput,
} from '../../../shared/schemas/directory';
import { binaryResponse, mimeTypes } from '../../../shared/schemas/common';
import { importPreviewOutput, importResultOutput } from '../../../shared/schemas/directoryImport';
import { createInstitution, getInstitution, listInstitutions, setInstitutionActive, updateInstitution } from './institutions';
import { createOfficer, getOfficer, listInstitutionOfficers, listOfficers, setOfficerActive, updateOfficer } from './officers';
import { getLogo, logoMaxBytes, uploadLogo } from './logo';
import { readUpload } from '../../core/upload';
import { importDirectory, previewImport } from './importDirectory';
import { importMaxBytes } from './importParse';
import { importTemplate } from './importTemplate';
import { exportDirectory } from './exportDirectory';

const tags = ['directory'];
const params = z.object({ id: z.uuid('ID tidak valid') });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const multipart = { consumes: ['multipart/form-data'] };

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Institutions ----
  app.get(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'List institutions (search by name, filter by category and active); officerCount = active officers',
        querystring: listInstitutionsQuery,
        response: { 200: institutionListSchema },
      },
    },
    async (req) => listInstitutions(req.ctx, req.query),
  );
  app.post(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Add an institution (administrators)',
        body: createInstitutionInput,
        response: { 201: institutionDetailSchema },
      },
    },
    async (req, reply) => {
      const created = await createInstitution(req.ctx, req.body);
      reply.status(201);
      return created;
    },
  );
  app.get(
    '/api/institutions/:id',
    {
      schema: { tags, summary: 'One institution, with what the caller may do with it', params, response: { 200: institutionDetailSchema } },
    },
    async (req) => getInstitution(req.ctx, req.params.id),
  );
  app.patch(
    '/api/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Edit an institution; send the version you read (409 when stale)',
        params,
        body: updateInstitutionInput,
        response: { 200: institutionDetailSchema },
      },
    },
    async (req) => updateInstitution(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/institutions/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate an institution (never deleted)',
        params,
        body: setActiveInput,
        response: { 200: institutionDetailSchema },
      },
    },
    async (req) => setInstitutionActive(req.ctx, req.params.id, false, req.body.version),
  );
  app.post(
    '/api/institutions/:id/activate',
    { schema: { tags, summary: 'Reactivate an institution', params, body: setActiveInput, response: { 200: institutionDetailSchema } } },
    async (req) => setInstitutionActive(req.ctx, req.params.id, true, req.body.version),
  );
  app.post(
    '/api/institutions/:id/logo',
    {
      schema: {
        tags,
        summary: 'Upload the logo: multipart field "file", PNG or JPEG, at most 1 MB',
        params,
        ...multipart,
        response: { 200: institutionDetailSchema },
      },
    },
    async (req) => uploadLogo(req.ctx, req.params.id, await readUpload(req, { maxBytes: logoMaxBytes, what: 'Logo' })),
  );
  app.get(
    '/api/institutions/:id/logo',
    {
      schema: {
        tags,
        summary: 'The logo image (PNG or JPEG)',
        params,
        response: { 200: binaryResponse([mimeTypes.png, mimeTypes.jpeg], 'The logo image') },
      },
    },
    async (req, reply) => {
      const logo = await getLogo(req.ctx, req.params.id);
      const etag = `"${logo.sha256}"`;
      reply.header('cache-control', 'private, max-age=300').header('etag', etag);
      // 304 carries no body, so it needs no response schema (the type provider only knows the declared 200).
      if (req.headers['if-none-match'] === etag) return reply.status(304 as 200).send();
      return reply.type(logo.mime).send(logo.content);
    },
  );
  app.get(
    '/api/institutions/:id/officers',
    { schema: { tags, summary: 'Officers of one institution, main contact first', params, response: { 200: officerListSchema } } },
    async (req) => listInstitutionOfficers(req.ctx, req.params.id),
  );

  // ---- PR officers ----
  app.get(
    '/api/officers',
    {
      schema: { tags, summary: 'Search officers the caller may see', querystring: listOfficersQuery, response: { 200: officerListSchema } },
    },
    async (req) => listOfficers(req.ctx, req.query),
  );
  app.get('/api/officers/:id', { schema: { tags, summary: 'One officer', params, response: { 200: officerSchema } } }, async (req) =>
    getOfficer(req.ctx, req.params.id),
  );
  app.post(
    '/api/officers',
    {
      schema: {
        tags,
        summary: 'Add a PR officer (a member officer: to their own institution)',
        body: createOfficerInput,
        response: { 201: officerSchema },
      },
    },
    async (req, reply) => {
      const created = await createOfficer(req.ctx, req.body);
      reply.status(201);
      return created;
    },
  );
  app.patch(
    '/api/officers/:id',
    {
      schema: {
        tags,
        summary: 'Edit an officer; send the version you read (409 when stale)',
        params,
        body: updateOfficerInput,
        response: { 200: officerSchema },
      },
    },
    async (req) => updateOfficer(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/officers/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate an officer (also ends being main contact)',
        params,
        body: setActiveInput,
        response: { 200: officerSchema },
      },
    },
    async (req) => setOfficerActive(req.ctx, req.params.id, false, req.body.version),
  );
  app.post(
    '/api/officers/:id/activate',
    { schema: { tags, summary: 'Reactivate an officer', params, body: setActiveInput, response: { 200: officerSchema } } },
    async (req) => setOfficerActive(req.ctx, req.params.id, true, req.body.version),
  );

  // ---- Import and export ----
  app.get(
    '/api/directory/import/template',
    {
      schema: {
        tags,
        summary: 'XLSX template of the import (columns explained on its "Petunjuk" sheet)',
        response: { 200: binaryResponse([mimeTypes.xlsx], 'The XLSX template') },
      },
    },
    async (req, reply) => {
      const buffer = await importTemplate(req.ctx);
      return reply.type(xlsxType).header('content-disposition', 'attachment; filename="templat-impor-direktori.xlsx"').send(buffer);
    },
  );
  app.post(
    '/api/directory/import/preview',
    {
      schema: {
        tags,
        summary: 'Check an XLSX or CSV file (multipart field "file"): every row with its problems; writes nothing',
        ...multipart,
        response: { 200: importPreviewOutput },
      },
    },
    async (req) => previewImport(req.ctx, await readUpload(req, { maxBytes: importMaxBytes, what: 'Berkas impor' })),
  );
  app.post(
    '/api/directory/import',
    {
      schema: {
        tags,
        summary: 'Import an XLSX or CSV file: multipart "file" + "mode" = valid (only valid rows) | all (all or nothing)',
        ...multipart,
        response: { 201: importResultOutput },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req, { maxBytes: importMaxBytes, what: 'Berkas impor' });
      const result = await importDirectory(req.ctx, upload, upload.fields.mode);
      reply.status(201);
      return result;
    },
  );
  app.get(
    '/api/directory/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The directory as XLSX (sheets Lembaga and Petugas), limited to what the caller may see',
        querystring: listInstitutionsQuery.pick({ q: true, category: true, active: true }),
        response: { 200: binaryResponse([mimeTypes.xlsx], 'The XLSX workbook') },
      },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportDirectory(req.ctx, req.query);
      return reply.type(xlsxType).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
    },
  );
};
