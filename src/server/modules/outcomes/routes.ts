import { attachmentHeaders } from '../../core/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse, mimeTypes, okOutput } from '../../../shared/schemas/common';
import {
  certificateBatchOutput,
  certificateListOutput,
  certificateListQuery,
  certificateOutput,
  certificateParams,
  generateCertificatesBody,
  generateCertificatesOutput,
  issueCertificateBody,
  revokeCertificateBody,
  followUpBody,
  followUpListOutput,
  followUpListQuery,
  followUpOutput,
  followUpParams,
  followUpProgressBody,
  outcomeMeetingParams,
  outcomesOutput,
  resolutionBody,
  resolutionOutput,
  resolutionParams,
  updateFollowUpBody,
  updateResolutionBody,
} from '../../../shared/schemas/outcomes';
import { versionQuery } from '../../../shared/schemas/version';
import { z } from '../../../shared/zod';
import { readUpload } from '../../core/upload';
import {
  certificateFile,
  certificateProgress,
  generateCertificates,
  issueCertificate,
  listCertificates,
  revokeCertificate,
  ticketCertificateFile,
  verifyCertificate,
} from './certificates';
import { verifyNotFoundPage, verifyPage } from './verifyPage';
import { evidenceFile, evidenceMaxBytes, evidenceTypes, uploadEvidence } from './evidence';
import { followUpBoardXlsx, resolutionsPdf } from './outcomeDocuments';
import {
  createFollowUp,
  createResolution,
  deleteFollowUp,
  deleteResolution,
  getFollowUp,
  getOutcomes,
  listFollowUps,
  reportFollowUp,
  updateFollowUp,
  updateResolution,
} from './resolutions';

const tags = ['outcomes'];
const multipart = { consumes: ['multipart/form-data'] };

/** Resolutions (rumusan) of meetings, their follow-up actions (tindak lanjut), evidence, the board and its documents. */
export const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/meetings/:id/outcomes',
    {
      schema: {
        tags,
        summary: "A meeting's resolutions with their follow-ups, the tally per institution and the completion rate (the bureau)",
        params: outcomeMeetingParams,
        response: { 200: outcomesOutput },
      },
    },
    async (req) => getOutcomes(req.ctx, req.params.id),
  );
  app.post(
    '/api/meetings/:id/resolutions',
    {
      schema: {
        tags,
        summary: 'Add a resolution (numbered after the last one)',
        params: outcomeMeetingParams,
        body: resolutionBody,
        response: { 201: resolutionOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createResolution(req.ctx, req.params.id, req.body);
    },
  );
  app.patch(
    '/api/resolutions/:id',
    {
      schema: {
        tags,
        summary: "Change a resolution's statement",
        params: resolutionParams,
        body: updateResolutionBody,
        response: { 200: resolutionOutput.omit({ followUps: true }) },
      },
    },
    async (req) => updateResolution(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/resolutions/:id',
    {
      schema: {
        tags,
        summary: 'Remove a resolution with its follow-ups (later ones move up a number)',
        params: resolutionParams,
        querystring: versionQuery,
        response: { 200: okOutput },
      },
    },
    async (req) => deleteResolution(req.ctx, req.params.id, req.query.version),
  );
  app.post(
    '/api/resolutions/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Add a follow-up action to a resolution (due date not before the meeting)',
        params: resolutionParams,
        body: followUpBody,
        response: { 201: followUpOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createFollowUp(req.ctx, req.params.id, req.body);
    },
  );
  app.get(
    '/api/follow-ups',
    {
      schema: {
        tags,
        summary: 'Follow-up actions, open and overdue first (a member officer: its institution only)',
        querystring: followUpListQuery,
        response: { 200: followUpListOutput },
      },
    },
    async (req) => listFollowUps(req.ctx, req.query),
  );
  app.get(
    '/api/follow-ups/:id',
    { schema: { tags, summary: 'One follow-up action', params: followUpParams, response: { 200: followUpOutput } } },
    async (req) => getFollowUp(req.ctx, req.params.id),
  );
  app.patch(
    '/api/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Change a follow-up action, its due date or responsible institutions (the bureau)',
        params: followUpParams,
        body: updateFollowUpBody,
        response: { 200: followUpOutput },
      },
    },
    async (req) => updateFollowUp(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Remove a follow-up action',
        params: followUpParams,
        querystring: versionQuery,
        response: { 200: okOutput },
      },
    },
    async (req) => deleteFollowUp(req.ctx, req.params.id, req.query.version),
  );
  app.put(
    '/api/follow-ups/:id/progress',
    {
      schema: {
        tags,
        summary: 'Report status, note and evidence link (a responsible officer or the bureau)',
        params: followUpParams,
        body: followUpProgressBody,
        response: { 200: followUpOutput },
      },
    },
    async (req) => reportFollowUp(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/follow-ups/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Upload an evidence file: multipart fields "file" (PDF, image, DOCX, XLSX, PPTX; at most 10 MB) and "version"',
        params: followUpParams,
        ...multipart,
        response: { 200: followUpOutput },
      },
    },
    async (req) =>
      uploadEvidence(
        req.ctx,
        req.params.id,
        await readUpload(req, { maxBytes: evidenceMaxBytes, what: 'Berkas bukti', choose: 'berkas bukti' }),
      ),
  );
  app.get(
    '/api/follow-ups/:id/evidence',
    {
      schema: {
        tags,
        summary: 'The evidence file (as an attachment)',
        params: followUpParams,
        response: { 200: binaryResponse(Object.keys(evidenceTypes), 'The evidence file') },
      },
    },
    async (req, reply) => {
      const f = await evidenceFile(req.ctx, req.params.id);
      return reply.type(f.mime).headers(attachmentHeaders(f.name)).send(f.content);
    },
  );
  app.get(
    '/api/meetings/:id/follow-ups.xlsx',
    {
      schema: {
        tags,
        summary: 'The follow-up board as a workbook',
        params: outcomeMeetingParams,
        response: { 200: binaryResponse([mimeTypes.xlsx], 'The board as XLSX') },
      },
    },
    async (req, reply) => {
      const f = await followUpBoardXlsx(req.ctx, req.params.id);
      return reply.type(mimeTypes.xlsx).headers(attachmentHeaders(f.name)).send(f.bytes);
    },
  );
  app.get(
    '/api/meetings/:id/resolutions.pdf',
    {
      schema: {
        tags,
        summary: 'The resolutions as a PDF with the letterhead ("Rumusan Rapat Koordinasi Kehumasan <year>")',
        params: outcomeMeetingParams,
        querystring: z.object({}),
        response: { 200: binaryResponse([mimeTypes.pdf], 'The resolutions as PDF') },
      },
    },
    async (req, reply) => {
      const f = await resolutionsPdf(req.ctx, req.params.id);
      return reply.type(mimeTypes.pdf).headers(attachmentHeaders(f.name)).send(f.bytes);
    },
  );

  // Certificates (sertifikat)
  app.get(
    '/api/meetings/:id/certificates',
    {
      schema: {
        tags,
        summary: "A meeting's certificates by number",
        params: outcomeMeetingParams,
        querystring: certificateListQuery,
        response: { 200: certificateListOutput },
      },
    },
    async (req) => listCertificates(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/meetings/:id/certificates/progress',
    {
      schema: {
        tags,
        summary: 'How far the latest bulk generation is',
        params: outcomeMeetingParams,
        response: { 200: certificateBatchOutput },
      },
    },
    async (req) => certificateProgress(req.ctx, req.params.id),
  );
  app.post(
    '/api/meetings/:id/certificates/generate',
    {
      schema: {
        tags,
        summary: 'Certificates for everyone eligible without one (checked-in participants, speakers, committee), made by the job queue',
        params: outcomeMeetingParams,
        body: generateCertificatesBody,
        response: { 200: generateCertificatesOutput },
      },
    },
    async (req) => generateCertificates(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/meetings/:id/certificates',
    {
      schema: {
        tags,
        summary: 'One certificate for one person (a participant must have checked in)',
        params: outcomeMeetingParams,
        body: issueCertificateBody,
        response: { 201: generateCertificatesOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return issueCertificate(req.ctx, req.params.id, req.body);
    },
  );
  app.post(
    '/api/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate',
        params: certificateParams,
        body: revokeCertificateBody,
        response: { 200: certificateOutput },
      },
    },
    async (req) => revokeCertificate(req.ctx, req.params.id, req.body.reason),
  );
  app.get(
    '/api/certificates/:id/file.pdf',
    {
      schema: {
        tags,
        summary: 'One certificate as PDF (the bureau)',
        params: certificateParams,
        response: { 200: binaryResponse([mimeTypes.pdf], 'The certificate') },
      },
    },
    async (req, reply) => {
      const f = await certificateFile(req.ctx, req.params.id);
      return reply.type(mimeTypes.pdf).headers(attachmentHeaders(f.name)).send(f.body);
    },
  );
  app.get(
    '/api/tickets/:token/certificate.pdf',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "A participant's certificate through their ticket link",
        params: z.object({ token: z.string().min(20).max(100) }),
        response: { 200: binaryResponse([mimeTypes.pdf], 'The certificate') },
      },
    },
    async (req, reply) => {
      const f = await ticketCertificateFile(req.ctx, req.params.token);
      return reply.type(mimeTypes.pdf).headers(attachmentHeaders(f.name)).send(f.body);
    },
  );
  // The public verification page the certificate's QR code opens: server-rendered, cacheable for five minutes.
  app.get('/sertifikat/:verifyId', { schema: { hide: true, params: z.object({ verifyId: z.string().max(100) }) } }, async (req, reply) => {
    const found = await verifyCertificate(req.ctx, req.params.verifyId);
    reply.type('text/html; charset=utf-8').header('x-robots-tag', 'noindex');
    if (!found) return reply.status(404).header('cache-control', 'public, max-age=60').send(verifyNotFoundPage());
    return reply.header('cache-control', 'public, max-age=300').send(verifyPage(found));
  });
};
