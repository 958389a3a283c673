import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  failedJobListOutput,
  failedJobsQuery,
  jobParams,
  mailLogOutput,
  mailLogQuery,
  queueListOutput,
  retryJobOutput,
} from '../../../shared/schemas/jobs';
import { listFailedJobs, listMailLog, listQueues, retryFailedJob } from './jobsAdmin';

/** Background work for administrators: queues, failed jobs (retry), and the mail log. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['jobs'];
  app.get(
    '/api/jobs/queues',
    { schema: { tags, summary: 'Queues with their jobs counted by state (administrators)', response: { 200: queueListOutput } } },
    async (req) => listQueues(req.ctx),
  );
  app.get(
    '/api/jobs/failed',
    {
      schema: {
        tags,
        summary: 'Failed jobs with their error (administrators)',
        querystring: failedJobsQuery,
        response: { 200: failedJobListOutput },
      },
    },
    async (req) => listFailedJobs(req.ctx, req.query),
  );
  app.post(
    '/api/jobs/:queue/:id/retry',
    { schema: { tags, summary: 'Try a failed job again (administrators)', params: jobParams, response: { 200: retryJobOutput } } },
    async (req) => retryFailedJob(req.ctx, req.params),
  );
  app.get(
    '/api/jobs/mail',
    {
      schema: {
        tags,
        summary: 'The mail log, filtered by recipient and state (administrators)',
        querystring: mailLogQuery,
        response: { 200: mailLogOutput },
      },
    },
    async (req) => listMailLog(req.ctx, req.query),
  );
};
