import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { binaryResponse } from '../../../shared/schemas/common';
import {
  delegateInput,
  meetingIdParams,
  publicAgendaOutput,
  rsvpAnswerBody,
  rsvpParams,
  rsvpViewOutput,
} from '../../../shared/schemas/meetings';
import { formatMeetingDate, formatMeetingTime } from '../../../shared/meetingDates';
import { z } from '../../../shared/zod';
import type { Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { meetings } from '../../db/schema/index';
import { letterFileOf } from './letters';
import { addRsvpDelegate, answerRsvp, invitationOfToken, meetingAgendaLines, viewRsvp } from './rsvp';
import { ticketFile } from './ticketFiles';

const tags = ['rsvp'];
/** Anonymous callers: the link is the credential; the rate limit keeps guessing pointless (and 2^256 does too). */
const publicLimit = { public: true, rateLimit: { max: 120, timeWindow: 60_000 } };

/** The public side of a meeting: the RSVP page's API (no account), ticket files and a public meeting's agenda. */
export const rsvpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rsvp/:token',
    {
      config: publicLimit,
      schema: { tags, summary: 'The invitation an RSVP link opens', params: rsvpParams, response: { 200: rsvpViewOutput } },
    },
    async (req) => viewRsvp(req.ctx, req.params.token),
  );
  app.put(
    '/api/rsvp/:token',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Answer the invitation: delegates up to the quota, or decline with a reason',
        params: rsvpParams,
        body: rsvpAnswerBody,
        response: { 200: rsvpViewOutput },
      },
    },
    async (req) => answerRsvp(req.ctx, req.params.token, req.body),
  );
  app.post(
    '/api/rsvp/:token/delegates',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Add one delegate (within the quota)',
        params: rsvpParams,
        body: delegateInput,
        response: { 200: rsvpViewOutput },
      },
    },
    async (req) => addRsvpDelegate(req.ctx, req.params.token, req.body),
  );
  app.get(
    '/api/rsvp/:token/letter.pdf',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'The invitation letter of the link as PDF',
        params: rsvpParams,
        response: { 200: binaryResponse(['application/pdf'], 'The letter') },
      },
    },
    async (req, reply) => {
      const inv = await invitationOfToken(req.ctx, req.params.token);
      const [m] = await req.ctx.db.select().from(meetings).where(eq(meetings.id, inv.meetingId));
      const f = await letterFileOf(req.ctx, { ...m!, managerIds: [] }, inv.id, 'pdf');
      return reply
        .type(f.mime)
        .header('content-disposition', `inline; filename="surat-undangan.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(f.body);
    },
  );
  for (const file of ['qr.png', 'ticket.pdf', 'calendar.ics'] as const) {
    const mime = file === 'qr.png' ? 'image/png' : file === 'ticket.pdf' ? 'application/pdf' : 'text/calendar';
    app.get(
      `/api/tickets/:token/${file}`,
      {
        config: publicLimit,
        schema: { tags, summary: `A ticket's ${file}`, params: rsvpParams, response: { 200: binaryResponse([mime], file) } },
      },
      async (req, reply) => {
        const f = await ticketFile(req.ctx, req.params.token, file);
        return reply
          .type(f.mime)
          .header('content-disposition', `${file === 'calendar.ics' ? 'attachment' : 'inline'}; filename="${f.name}"`)
          .header('cache-control', 'private, no-store')
          .send(f.body);
      },
    );
  }
  app.get(
    '/api/public/meetings/:id/agenda',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The agenda of a public meeting (nothing of a private one)',
        params: meetingIdParams,
        response: { 200: publicAgendaOutput },
      },
    },
    async (req) => publicAgenda(req.ctx, req.params.id),
  );
};

/** The public sees at most the agenda of a public meeting whose invitations are out; anything else is not found. */
export async function publicAgenda(ctx: Ctx, id: string): Promise<z.infer<typeof publicAgendaOutput>> {
  const [m] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.isPublic, true), inArray(meetings.status, ['invitations_sent', 'running', 'done'])))
    .orderBy(asc(meetings.startDate));
  if (!m) throw new NotFoundError('Rapat tidak ditemukan');
  return {
    title: m.title,
    dateText: formatMeetingDate(m.startDate, m.endDate),
    timeText: formatMeetingTime(m.startTime, m.endTime),
    venue: m.venue,
    agenda: await meetingAgendaLines(ctx.db, m.id, m.activityId),
  };
}
