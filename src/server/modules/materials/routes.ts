import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse, okOutput } from '../../../shared/schemas/common';
import {
  materialMaxBytes,
  materialMeetingParams,
  materialMeetingsQuery,
  materialMeetingsOutput,
  materialOutput,
  materialParams,
  materialsByMeetingOutput,
  ticketMaterialFileParams,
  ticketMaterialParams,
} from '../../../shared/schemas/materials';
import { attachmentHeaders } from '../../core/download';
import { readUpload } from '../../core/upload';
import { listMaterials, materialFile, materialMeetings, ticketMaterialFile, ticketMaterials } from './readMaterials';
import { assertMayUploadTo, deleteMaterial, materialTypes, uploadMaterial } from './writeMaterials';

const tags = ['materials'];
const fileResponse = { 200: binaryResponse(Object.keys(materialTypes), 'The material (as an attachment)') };
const ticketLimit = { public: true, rateLimit: { max: 120, timeWindow: 60_000 } };

/** Always a download (never shown inline), typed as stored, not sniffed by the browser, kept out of shared caches. */
function sendMaterial(reply: FastifyReply, f: { mime: string; content: Buffer; name: string }) {
  return reply.type(f.mime).headers(attachmentHeaders(f.name)).send(f.content);
}

/** Materials (slides, papers) of agenda sessions: upload, list by session, download, remove; participants through the ticket. */
export const materialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/materials/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings whose materials the caller may read (bureau: all; member: invited; speaker: where it speaks)',
        querystring: materialMeetingsQuery,
        response: { 200: materialMeetingsOutput },
      },
    },
    async (req) => materialMeetings(req.ctx, req.query),
  );
  app.get(
    '/api/meetings/:id/materials',
    {
      schema: {
        tags,
        summary: "A meeting's materials grouped by agenda session",
        params: materialMeetingParams,
        response: { 200: materialsByMeetingOutput },
      },
    },
    async (req) => listMaterials(req.ctx, req.params.id),
  );
  app.post(
    '/api/meetings/:id/materials',
    {
      schema: {
        tags,
        summary: 'Upload a material: multipart fields "sessionId", "title" and "file" (PDF, PPTX, DOCX or XLSX by content; at most 25 MB)',
        params: materialMeetingParams,
        consumes: ['multipart/form-data'],
        response: { 201: materialOutput },
      },
    },
    async (req, reply) => {
      await assertMayUploadTo(req.ctx, req.params.id);
      const upload = await readUpload(req, { maxBytes: materialMaxBytes, what: 'Berkas materi', choose: 'berkas materi' });
      const out = await uploadMaterial(req.ctx, req.params.id, upload);
      return reply.status(201).send(out);
    },
  );
  app.delete(
    '/api/materials/:id',
    {
      schema: {
        tags,
        summary: 'Remove a material (its uploader or the meeting managers)',
        params: materialParams,
        response: { 200: okOutput },
      },
    },
    async (req) => deleteMaterial(req.ctx, req.params.id),
  );
  app.get(
    '/api/materials/:id/file',
    { schema: { tags, summary: "A material's file", params: materialParams, response: fileResponse } },
    async (req, reply) => sendMaterial(reply, await materialFile(req.ctx, req.params.id)),
  );
  app.get(
    '/api/tickets/:token/materials',
    {
      config: ticketLimit,
      schema: {
        tags,
        summary: "The meeting's materials by session, through a participant's ticket link",
        params: ticketMaterialParams,
        response: { 200: materialsByMeetingOutput },
      },
    },
    async (req) => ticketMaterials(req.ctx, req.params.token),
  );
  app.get(
    '/api/tickets/:token/materials/:id/file',
    {
      config: ticketLimit,
      schema: {
        tags,
        summary: "A material's file through a participant's ticket link",
        params: ticketMaterialFileParams,
        response: fileResponse,
      },
    },
    async (req, reply) => sendMaterial(reply, await ticketMaterialFile(req.ctx, req.params.token, req.params.id)),
  );
};
