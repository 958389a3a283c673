import { attachmentHeaders } from '../../core/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { binaryResponse } from '../../../shared/schemas/common';
import type { AgendaSession } from '../../../shared/schemas/meetings';
import type { Ctx } from '../../core/context';
import { meetings, speakers } from '../../db/schema/index';
import { updateMeeting } from './updateMeeting';
import {
  addAgendaSessionBody,
  addInvitationsBody,
  addInvitationsOutput,
  agendaSessionOutput,
  agendaWriteOutput,
  createMeetingInput,
  delegateListOutput,
  invitationListOutput,
  invitationWriteOutput,
  listMeetingsQuery,
  meetingChildParams,
  meetingDetailOutput,
  meetingIdParams,
  meetingListOutput,
  meetingPageQuery,
  meetingStatusBody,
  meetingVersionOutput,
  moveAgendaSessionBody,
  sendInvitationsBody,
  sendResultOutput,
  updateAgendaSessionBody,
  updateInvitationBody,
  updateMeetingInput,
  walkInBody,
  walkInOutput,
} from '../../../shared/schemas/meetings';
import { versionQuery } from '../../../shared/schemas/version';
import { z } from '../../../shared/zod';
import { agendaRows, moveAgendaSession } from './agenda';
import { changeMeetingStatus } from './changeMeetingStatus';
import { createMeeting } from './createMeeting';
import { getMeeting, listMeetings } from './getMeeting';
import { addInvitations, listInvitations, removeInvitation, updateInvitation } from './invitations';
import { allLettersFile, invitationLetterFile } from './letters';
import { sendInvitations } from './sendInvitations';
import { listDelegates, registerWalkIn } from './walkIns';

const tags = ['meetings'];
/** One page of a list that is small enough to be read whole (a meeting has at most a few hundred invitees). */
const page = <T>(list: { items: T[]; total: number }, q: { limit: number; offset: number }) => ({
  items: list.items.slice(q.offset, q.offset + q.limit),
  total: list.total,
});
const split = <B extends { version: number }>(body: B) => {
  const { version, ...rest } = body;
  return [rest, version] as const;
};

/** Meetings (rapat) of activities: the meeting, its agenda, invitees, letters, sending, delegates and walk-ins. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings, optionally of one activity',
        querystring: listMeetingsQuery,
        response: { 200: meetingListOutput },
      },
    },
    async (req) => page(await listMeetings(req.ctx, req.query), req.query),
  );
  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Create a meeting of an activity (the creator manages it)',
        body: createMeetingInput,
        response: { 201: meetingDetailOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createMeeting(req.ctx, req.body);
    },
  );
  app.get(
    '/api/meetings/:id',
    { schema: { tags, summary: 'One meeting with its agenda', params: meetingIdParams, response: { 200: meetingDetailOutput } } },
    async (req) => getMeeting(req.ctx, req.params.id),
  );
  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change a meeting (its managers)',
        params: meetingIdParams,
        body: updateMeetingInput,
        response: { 200: meetingDetailOutput },
      },
    },
    async (req) => updateMeeting(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/meetings/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a meeting to another status',
        params: meetingIdParams,
        body: meetingStatusBody,
        response: { 200: meetingDetailOutput },
      },
    },
    async (req) => changeMeetingStatus(req.ctx, req.params.id, req.body),
  );

  // Agenda (susunan acara)
  app.post(
    '/api/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Add an agenda session',
        params: meetingIdParams,
        body: addAgendaSessionBody,
        response: { 201: agendaWriteOutput },
      },
    },
    async (req, reply) => {
      const [input, version] = split(req.body);
      const { item, version: v } = await agendaRows.add(req.ctx, req.params.id, input, version);
      reply.status(201);
      return { ...(await withSpeakerNames(req.ctx, req.params.id, item)), meetingVersion: v };
    },
  );
  app.patch(
    '/api/meetings/:id/agenda/:childId',
    {
      schema: {
        tags,
        summary: 'Change an agenda session',
        params: meetingChildParams,
        body: updateAgendaSessionBody,
        response: { 200: agendaWriteOutput },
      },
    },
    async (req) => {
      const [input, version] = split(req.body);
      const { item, version: v } = await agendaRows.update(req.ctx, req.params.id, req.params.childId, input, version);
      return { ...(await withSpeakerNames(req.ctx, req.params.id, item)), meetingVersion: v };
    },
  );
  app.delete(
    '/api/meetings/:id/agenda/:childId',
    {
      schema: {
        tags,
        summary: 'Remove an agenda session',
        params: meetingChildParams,
        querystring: versionQuery,
        response: { 200: meetingVersionOutput },
      },
    },
    async (req) => {
      const { version } = await agendaRows.remove(req.ctx, req.params.id, req.params.childId, req.query.version);
      return { ok: true as const, meetingVersion: version };
    },
  );
  app.post(
    '/api/meetings/:id/agenda/:childId/move',
    {
      schema: {
        tags,
        summary: 'Move an agenda session up or down',
        params: meetingChildParams,
        body: moveAgendaSessionBody,
        response: { 200: z.object({ agenda: z.array(agendaSessionOutput), meetingVersion: z.number().int() }) },
      },
    },
    async (req) => {
      const r = await moveAgendaSession(req.ctx, req.params.id, req.params.childId, req.body);
      return { agenda: r.agenda, meetingVersion: r.version };
    },
  );

  // Invitees
  app.get(
    '/api/meetings/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invited institutions with quota, answer and send state (a member: its own)',
        params: meetingIdParams,
        querystring: meetingPageQuery,
        response: { 200: invitationListOutput },
      },
    },
    async (req) => page(await listInvitations(req.ctx, req.params.id), req.query),
  );
  app.post(
    '/api/meetings/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite institutions (or a whole category)',
        params: meetingIdParams,
        body: addInvitationsBody,
        response: { 200: addInvitationsOutput },
      },
    },
    async (req) => addInvitations(req.ctx, req.params.id, req.body),
  );
  app.patch(
    '/api/meetings/:id/invitations/:childId',
    {
      schema: {
        tags,
        summary: 'Change quota, addressee or RSVP deadline of an invitation',
        params: meetingChildParams,
        body: updateInvitationBody,
        response: { 200: invitationWriteOutput },
      },
    },
    async (req) => updateInvitation(req.ctx, req.params.id, req.params.childId, req.body),
  );
  app.delete(
    '/api/meetings/:id/invitations/:childId',
    {
      schema: {
        tags,
        summary: 'Remove an invitation without delegates',
        params: meetingChildParams,
        querystring: versionQuery,
        response: { 200: meetingVersionOutput },
      },
    },
    async (req) => removeInvitation(req.ctx, req.params.id, req.params.childId, req.query.version),
  );
  app.post(
    '/api/meetings/:id/send',
    {
      schema: {
        tags,
        summary: 'Send the invitation letters by e-mail (new RSVP links) and get WhatsApp share links',
        params: meetingIdParams,
        body: sendInvitationsBody,
        response: { 200: sendResultOutput },
      },
    },
    async (req) => sendInvitations(req.ctx, req.params.id, req.body),
  );

  // Letters
  for (const format of ['pdf', 'docx'] as const) {
    const mime = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    app.get(
      `/api/meetings/:id/invitations/:childId/letter.${format}`,
      {
        schema: {
          tags,
          summary: `One institution's invitation letter as ${format.toUpperCase()}`,
          params: meetingChildParams,
          response: { 200: binaryResponse([mime], `The letter as ${format.toUpperCase()}`) },
        },
      },
      async (req, reply) => {
        const f = await invitationLetterFile(req.ctx, req.params.id, req.params.childId, format);
        return reply.type(f.mime).headers(attachmentHeaders(f.name)).send(f.body);
      },
    );
  }
  app.get(
    '/api/meetings/:id/letters.pdf',
    {
      schema: {
        tags,
        summary: 'Every invitation letter merged in one PDF',
        params: meetingIdParams,
        response: { 200: binaryResponse(['application/pdf'], 'All letters as one PDF') },
      },
    },
    async (req, reply) => {
      const f = await allLettersFile(req.ctx, req.params.id, 'pdf');
      return reply.type(f.mime).headers(attachmentHeaders(f.name)).send(f.body);
    },
  );
  app.get(
    '/api/meetings/:id/letters.zip',
    {
      schema: {
        tags,
        summary: 'Every invitation letter as DOCX files in one ZIP',
        params: meetingIdParams,
        response: { 200: binaryResponse(['application/zip'], 'All letters as a ZIP of DOCX files') },
      },
    },
    async (req, reply) => {
      const f = await allLettersFile(req.ctx, req.params.id, 'zip');
      return reply.type(f.mime).headers(attachmentHeaders(f.name)).send(f.body);
    },
  );

  // Delegates
  app.get(
    '/api/meetings/:id/delegates',
    {
      schema: {
        tags,
        summary: 'Registered delegates (a member: its own institution)',
        params: meetingIdParams,
        querystring: meetingPageQuery,
        response: { 200: delegateListOutput },
      },
    },
    async (req) => page(await listDelegates(req.ctx, req.params.id), req.query),
  );
  app.post(
    '/api/meetings/:id/walk-ins',
    {
      schema: {
        tags,
        summary: 'Register a walk-in at the desk (over the quota only with an explicit override)',
        params: meetingIdParams,
        body: walkInBody,
        response: { 201: walkInOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return registerWalkIn(req.ctx, req.params.id, req.body);
    },
  );
};

async function withSpeakerNames(ctx: Ctx, meetingId: string, s: AgendaSession): Promise<AgendaSession> {
  const [m] = await ctx.db.select({ activityId: meetings.activityId }).from(meetings).where(eq(meetings.id, meetingId));
  const names = new Map(
    (await ctx.db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.activityId, m!.activityId))).map(
      (x) => [x.id, x.name],
    ),
  );
  return { ...s, speakerNames: s.speakerIds.map((id) => names.get(id)).filter((n): n is string => !!n) };
}
