import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityDetailOutput,
  activityIdParams,
  activityListOutput,
  activityVersionOutput,
  addBudgetLineBody,
  addCommitteeMemberBody,
  addSpeakerBody,
  budgetLineParams,
  budgetLineWriteOutput,
  changeStatusInput,
  copyActivityInput,
  shareActivityInput,
  committeeMemberParams,
  committeeMemberWriteOutput,
  createActivityInput,
  listActivitiesQuery,
  speakerParams,
  speakerWriteOutput,
  speakerAccountsOutput,
  speakerAccountsQuery,
  updateActivityInput,
  updateBudgetLineBody,
  updateCommitteeMemberBody,
  updateSpeakerBody,
} from '../../../shared/schemas/activities';
import { versionQuery } from '../../../shared/schemas/version';
import { z } from '../../../shared/zod';
import type { ChildWrite } from '../../core/childRows';
import { budgetLineRows } from './budgetLines';
import { changeStatus } from './changeStatus';
import { committeeRows } from './committee';
import { copyActivity } from './copyActivity';
import { shareActivity } from './shareActivity';
import { createActivity } from './createActivity';
import { deleteActivity } from './deleteActivity';
import { getActivity } from './getActivity';
import { listActivities } from './listActivities';
import { listSpeakerAccounts, speakerRows } from './speakers';
import { updateActivity } from './updateActivity';

const tags = ['activities'];
const ok = { 200: z.object({ ok: z.literal(true) }) };
/** A budget line, committee member or speaker write answers the row and the activity's new version. */
const written = <T>({ item, version }: ChildWrite<T>) => ({ ...item, activityVersion: version });
const removed = ({ version }: { version: number }) => ({ ok: true as const, activityVersion: version });
const withVersion = <B extends { version: number }>(body: B) => {
  const { version, ...rest } = body;
  return [rest, version] as const;
};

/** Activities and their KAK: the activity, its budget lines, committee and speakers. */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Activities, optionally of one fiscal year',
        querystring: listActivitiesQuery,
        response: { 200: activityListOutput },
      },
    },
    async (req) => listActivities(req.ctx, req.query),
  );
  app.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Create a draft activity (KAK and budget lines optional)',
        body: createActivityInput,
        response: { 201: activityDetailOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createActivity(req.ctx, req.body);
    },
  );
  app.get(
    '/api/activities/speaker-accounts',
    {
      schema: {
        tags,
        summary: "Active accounts with the speaker role, to link to a speaker (the account uploads its sessions' materials)",
        querystring: speakerAccountsQuery,
        response: { 200: speakerAccountsOutput },
      },
    },
    async (req) => listSpeakerAccounts(req.ctx, req.query),
  );
  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity with budget lines, committee, speakers and check results',
        params: activityIdParams,
        response: { 200: activityDetailOutput },
      },
    },
    async (req) => getActivity(req.ctx, req.params.id),
  );
  app.patch(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity; KAK sections sent replace those sections; needs the version read (409 when stale)',
        params: activityIdParams,
        body: updateActivityInput,
        response: { 200: activityDetailOutput },
      },
    },
    async (req) => updateActivity(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft activity (?version= the version read)',
        params: activityIdParams,
        querystring: versionQuery,
        response: ok,
      },
    },
    async (req) => {
      await deleteActivity(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/activities/:id/status',
    {
      schema: {
        tags,
        summary: 'Move the status (approval is refused while the checks report errors)',
        params: activityIdParams,
        body: changeStatusInput,
        response: { 200: activityDetailOutput },
      },
    },
    async (req) => changeStatus(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/activities/:id/sharing',
    {
      schema: {
        tags,
        summary:
          "Share the activity's personal data (NIPs, fees, budget lines) with member officers, or stop sharing; needs the version read",
        params: activityIdParams,
        body: shareActivityInput,
        response: { 200: activityDetailOutput },
      },
    },
    async (req) => shareActivity(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/activities/:id/copy',
    {
      schema: {
        tags,
        summary:
          'Copy into a new draft for another fiscal year (body { fiscalYear }, default next year): KAK, budget lines, committee, speakers; the year replaced where it stands for the fiscal year',
        params: activityIdParams,
        body: copyActivityInput,
        response: { 201: activityDetailOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return copyActivity(req.ctx, req.params.id, req.body ?? {});
    },
  );

  const children = [
    {
      path: 'budget-lines',
      param: 'lineId',
      rows: budgetLineRows,
      what: 'budget line',
      add: addBudgetLineBody,
      update: updateBudgetLineBody,
      out: budgetLineWriteOutput,
      params: budgetLineParams,
    },
    {
      path: 'committee',
      param: 'memberId',
      rows: committeeRows,
      what: 'committee member',
      add: addCommitteeMemberBody,
      update: updateCommitteeMemberBody,
      out: committeeMemberWriteOutput,
      params: committeeMemberParams,
    },
    {
      path: 'speakers',
      param: 'speakerId',
      rows: speakerRows,
      what: 'speaker',
      add: addSpeakerBody,
      update: updateSpeakerBody,
      out: speakerWriteOutput,
      params: speakerParams,
    },
  ] as const;
  // The rows an activity holds: each write names the activity's version read, and is refused unless the activity is a draft.
  for (const c of children) {
    const rows = c.rows as unknown as ReturnType<typeof import('../../core/childRows').childRows<unknown, object, unknown>>;
    app.post(
      `/api/activities/:id/${c.path}`,
      {
        schema: {
          tags,
          summary: `Add a ${c.what} to a draft activity`,
          params: activityIdParams,
          body: c.add as typeof addSpeakerBody,
          response: { 201: c.out as typeof speakerWriteOutput },
        },
      },
      async (req, reply) => {
        reply.status(201);
        const [input, version] = withVersion(req.body);
        return written(await rows.add(req.ctx, req.params.id, input, version)) as never;
      },
    );
    app.patch(
      `/api/activities/:id/${c.path}/:${c.param}`,
      {
        schema: {
          tags,
          summary: `Change a ${c.what} of a draft activity`,
          params: c.params as typeof speakerParams,
          body: c.update as typeof updateSpeakerBody,
          response: { 200: c.out as typeof speakerWriteOutput },
        },
      },
      async (req) => {
        const [input, version] = withVersion(req.body);
        return written(
          await rows.update(req.ctx, req.params.id, (req.params as Record<string, string>)[c.param]!, input, version),
        ) as never;
      },
    );
    app.delete(
      `/api/activities/:id/${c.path}/:${c.param}`,
      {
        schema: {
          tags,
          summary: `Remove a ${c.what} of a draft activity (?version= the activity's version read)`,
          params: c.params as typeof speakerParams,
          querystring: versionQuery,
          response: { 200: activityVersionOutput },
        },
      },
      async (req) =>
        removed(await rows.remove(req.ctx, req.params.id, (req.params as Record<string, string>)[c.param]!, req.query.version)),
    );
  }
};
