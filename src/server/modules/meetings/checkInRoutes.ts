import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attendanceOutput,
  checkInBatchInput,
  checkInBatchOutput,
  checkInItem,
  checkInRecord,
  checkInResult,
  checkOutParams,
  dayQuery,
  meetingIdParams,
  participantListOutput,
  participantSearchOutput,
  participantSearchQuery,
} from '../../../shared/schemas/checkIn';
import { z } from '../../../shared/zod';
import { attendance } from './checkInAttendance';
import { checkIn, checkOut, syncCheckIns } from './checkIn';
import { attendanceListPdf, attendanceListXlsx, nameTagsPdf } from './checkInDocuments';
import { participantList, searchParticipants } from './checkInParticipants';

const tags = ['check-in'];
const mime = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** A file answer, documented as a binary string (the handler sends a Buffer). */
function binary(m: string, description: string) {
  const schema = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<Buffer | Uint8Array>;
  return { description, content: { [m]: { schema } } };
}

/**
 * Check-in on the meeting day, the participant list kept on the check-in phones, the live attendance board,
 * the daftar hadir and name tags. Every route: administrators and the meeting's managers only.
 */
export const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/meetings/:meetingId/check-ins',
    {
      schema: {
        tags,
        summary: 'Check one person in by QR ticket or registration id; a retry with the same clientId answers the same',
        params: meetingIdParams,
        body: checkInItem,
        response: { 200: checkInResult },
      },
    },
    async (req) => checkIn(req.ctx, req.params.meetingId, req.body),
  );
  app.post(
    '/api/meetings/:meetingId/check-ins/sync',
    {
      schema: {
        tags,
        summary: 'Apply the check-ins a phone queued offline; one answer per item, in order',
        params: meetingIdParams,
        body: checkInBatchInput,
        response: { 200: checkInBatchOutput },
      },
    },
    async (req) => syncCheckIns(req.ctx, req.params.meetingId, req.body.items),
  );
  app.post(
    '/api/meetings/:meetingId/check-ins/:checkInId/check-out',
    {
      schema: {
        tags,
        summary: 'Record that the person left (optional); repeated, answers the first time',
        params: checkOutParams,
        response: { 200: checkInRecord },
      },
    },
    async (req) => checkOut(req.ctx, req.params.meetingId, req.params.checkInId),
  );
  app.get(
    '/api/meetings/:meetingId/check-in/participants',
    {
      schema: {
        tags,
        summary: "The participant list a check-in phone keeps (names, positions, institutions, ticket hashes) and today's check-ins",
        params: meetingIdParams,
        response: { 200: participantListOutput },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return participantList(req.ctx, req.params.meetingId);
    },
  );
  app.get(
    '/api/meetings/:meetingId/check-in/search',
    {
      schema: {
        tags,
        summary: 'Find participants by name or institution, with their check-in today',
        params: meetingIdParams,
        querystring: participantSearchQuery,
        response: { 200: participantSearchOutput },
      },
    },
    async (req) => searchParticipants(req.ctx, req.params.meetingId, req.query),
  );
  app.get(
    '/api/meetings/:meetingId/attendance',
    {
      schema: {
        tags,
        summary: 'Live attendance: totals, by category, invited institutions missing, arrivals over time',
        params: meetingIdParams,
        querystring: dayQuery,
        response: { 200: attendanceOutput },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return attendance(req.ctx, req.params.meetingId, req.query);
    },
  );
  app.get(
    '/api/meetings/:meetingId/attendance-list.pdf',
    {
      schema: {
        tags,
        summary: 'Daftar hadir (PDF) of one meeting day',
        params: meetingIdParams,
        querystring: dayQuery,
        response: { 200: binary(mime.pdf, 'Daftar hadir as PDF') },
      },
    },
    async (req, reply) => {
      const file = await attendanceListPdf(req.ctx, req.params.meetingId, req.query);
      return reply.type(mime.pdf).header('content-disposition', `attachment; filename="${file.name}"`).send(file.bytes);
    },
  );
  app.get(
    '/api/meetings/:meetingId/attendance-list.xlsx',
    {
      schema: {
        tags,
        summary: 'Daftar hadir (XLSX) of one meeting day',
        params: meetingIdParams,
        querystring: dayQuery,
        response: { 200: binary(mime.xlsx, 'Daftar hadir as XLSX') },
      },
    },
    async (req, reply) => {
      const file = await attendanceListXlsx(req.ctx, req.params.meetingId, req.query);
      return reply.type(mime.xlsx).header('content-disposition', `attachment; filename="${file.name}"`).send(file.bytes);
    },
  );
  app.get(
    '/api/meetings/:meetingId/name-tags.pdf',
    {
      schema: {
        tags,
        summary: 'Name tags: A4 sheets of 8 with name, institution and QR',
        params: meetingIdParams,
        response: { 200: binary(mime.pdf, 'Name tags as PDF') },
      },
    },
    async (req, reply) => {
      const file = await nameTagsPdf(req.ctx, req.params.meetingId);
      return reply.type(mime.pdf).header('content-disposition', `attachment; filename="${file.name}"`).send(file.bytes);
    },
  );
};
