import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityDetailOutput,
  activityIdParams,
  activityListOutput,
  budgetLineInput,
  budgetLineOutput,
  budgetLineParams,
  changeStatusInput,
  committeeMemberInput,
  committeeMemberOutput,
  committeeMemberParams,
  createActivityInput,
  listActivitiesQuery,
  speakerInput,
  speakerOutput,
  speakerParams,
  updateActivityInput,
  updateBudgetLineInput,
  updateCommitteeMemberInput,
  updateSpeakerInput,
} from '../../../shared/schemas/activities';
import { z } from '../../../shared/zod';
import { createBudgetLine, deleteBudgetLine, updateBudgetLine } from './budgetLines';
import { changeStatus } from './changeStatus';
import { addCommitteeMember, removeCommitteeMember, updateCommitteeMember } from './committee';
import { copyActivity } from './copyActivity';
import { createActivity } from './createActivity';
import { deleteActivity } from './deleteActivity';
import { getActivity } from './getActivity';
import { listActivities } from './listActivities';
import { addSpeaker, removeSpeaker, updateSpeaker } from './speakers';
import { updateActivity } from './updateActivity';

const tags = ['activities'];
const ok = { 200: z.object({ ok: z.literal(true) }) };

/** Activities and their KAK: the activity, its budget lines, committee and speakers. */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/activities', { schema: { tags, summary: 'Activities, optionally of one fiscal year', querystring: listActivitiesQuery, response: { 200: activityListOutput } } }, async (req) =>
    listActivities(req.ctx, req.query),
  );
  app.post('/api/activities', { schema: { tags, summary: 'Create a draft activity (KAK and budget lines optional)', body: createActivityInput, response: { 201: activityDetailOutput } } }, async (req, reply) => {
    reply.status(201);
    return createActivity(req.ctx, req.body);
  });
  app.get('/api/activities/:id', { schema: { tags, summary: 'One activity with budget lines, committee, speakers and check results', params: activityIdParams, response: { 200: activityDetailOutput } } }, async (req) =>
    getActivity(req.ctx, req.params.id),
  );
  app.patch('/api/activities/:id', { schema: { tags, summary: 'Change an activity; KAK sections sent replace those sections; needs the version read (409 when stale)', params: activityIdParams, body: updateActivityInput, response: { 200: activityDetailOutput } } }, async (req) =>
    updateActivity(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/activities/:id', { schema: { tags, summary: 'Delete a draft activity', params: activityIdParams, response: ok } }, async (req) => {
    await deleteActivity(req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.post('/api/activities/:id/status', { schema: { tags, summary: 'Move the status (approval is refused while the checks report errors)', params: activityIdParams, body: changeStatusInput, response: { 200: activityDetailOutput } } }, async (req) =>
    changeStatus(req.ctx, req.params.id, req.body),
  );
  app.post('/api/activities/:id/copy', { schema: { tags, summary: "Copy to next year's draft (KAK, budget lines, committee, speakers)", params: activityIdParams, response: { 201: activityDetailOutput } } }, async (req, reply) => {
    reply.status(201);
    return copyActivity(req.ctx, req.params.id);
  });

  app.post('/api/activities/:id/budget-lines', { schema: { tags, summary: 'Add a budget line (amount = volume x unit price)', params: activityIdParams, body: budgetLineInput, response: { 201: budgetLineOutput } } }, async (req, reply) => {
    reply.status(201);
    return createBudgetLine(req.ctx, req.params.id, req.body);
  });
  app.patch('/api/activities/:id/budget-lines/:lineId', { schema: { tags, summary: 'Change a budget line', params: budgetLineParams, body: updateBudgetLineInput, response: { 200: budgetLineOutput } } }, async (req) =>
    updateBudgetLine(req.ctx, req.params.id, req.params.lineId, req.body),
  );
  app.delete('/api/activities/:id/budget-lines/:lineId', { schema: { tags, summary: 'Delete a budget line', params: budgetLineParams, response: ok } }, async (req) => {
    await deleteBudgetLine(req.ctx, req.params.id, req.params.lineId);
    return { ok: true as const };
  });

  app.post('/api/activities/:id/committee', { schema: { tags, summary: 'Add a committee member', params: activityIdParams, body: committeeMemberInput, response: { 201: committeeMemberOutput } } }, async (req, reply) => {
    reply.status(201);
    return addCommitteeMember(req.ctx, req.params.id, req.body);
  });
  app.patch('/api/activities/:id/committee/:memberId', { schema: { tags, summary: 'Change a committee member', params: committeeMemberParams, body: updateCommitteeMemberInput, response: { 200: committeeMemberOutput } } }, async (req) =>
    updateCommitteeMember(req.ctx, req.params.id, req.params.memberId, req.body),
  );
  app.delete('/api/activities/:id/committee/:memberId', { schema: { tags, summary: 'Remove a committee member', params: committeeMemberParams, response: ok } }, async (req) => {
    await removeCommitteeMember(req.ctx, req.params.id, req.params.memberId);
    return { ok: true as const };
  });

  app.post('/api/activities/:id/speakers', { schema: { tags, summary: 'Add a speaker candidate', params: activityIdParams, body: speakerInput, response: { 201: speakerOutput } } }, async (req, reply) => {
    reply.status(201);
    return addSpeaker(req.ctx, req.params.id, req.body);
  });
  app.patch('/api/activities/:id/speakers/:speakerId', { schema: { tags, summary: 'Change a speaker (status, topic, fee, budget line)', params: speakerParams, body: updateSpeakerInput, response: { 200: speakerOutput } } }, async (req) =>
    updateSpeaker(req.ctx, req.params.id, req.params.speakerId, req.body),
  );
  app.delete('/api/activities/:id/speakers/:speakerId', { schema: { tags, summary: 'Remove a speaker', params: speakerParams, response: ok } }, async (req) => {
    await removeSpeaker(req.ctx, req.params.id, req.params.speakerId);
    return { ok: true as const };
  });
};
