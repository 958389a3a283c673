import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse, mimeTypes } from '../../../shared/schemas/common';
import {
  forwardSuggestionBody,
  forwardSuggestionOutput,
  surveyAnswerBody,
  surveyAnswerOutput,
  surveyMeetingParams,
  surveyResponseParams,
  surveyResultsOutput,
  ticketTokenParams,
  ticketViewOutput,
} from '../../../shared/schemas/survey';
import { attachmentHeaders } from '../../core/download';
import { answerSurvey } from './answerSurvey';
import { forwardSuggestion } from './forward';
import { surveyResults } from './results';
import { surveyXlsx } from './surveyXlsx';
import { viewTicket } from './ticketView';

const tags = ['survey'];
/** Anonymous callers: the ticket link is the credential; the rate limit keeps guessing pointless. */
const publicLimit = { public: true, rateLimit: { max: 120, timeWindow: 60_000 } };

/** The participant's ticket page and feedback survey (public, by ticket token) and the committee's results. */
export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tickets/:token',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: "The participant's ticket page: their registration, the meeting, ticket files and survey state",
        params: ticketTokenParams,
        response: { 200: ticketViewOutput },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return viewTicket(req.ctx, req.params.token);
    },
  );
  app.post(
    '/api/tickets/:token/survey',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Answer the feedback survey once (participants who checked in)',
        params: ticketTokenParams,
        body: surveyAnswerBody,
        response: { 201: surveyAnswerOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return answerSurvey(req.ctx, req.params.token, req.body);
    },
  );
  app.get(
    '/api/meetings/:id/survey',
    {
      schema: {
        tags,
        summary: "A meeting's survey results (the bureau)",
        params: surveyMeetingParams,
        response: { 200: surveyResultsOutput },
      },
    },
    async (req) => surveyResults(req.ctx, req.params.id),
  );
  app.get(
    '/api/meetings/:id/survey.xlsx',
    {
      schema: {
        tags,
        summary: "A meeting's survey results as XLSX: summaries and answers",
        params: surveyMeetingParams,
        response: { 200: binaryResponse([mimeTypes.xlsx], 'The workbook') },
      },
    },
    async (req, reply) => {
      const f = await surveyXlsx(req.ctx, req.params.id);
      return reply.type(mimeTypes.xlsx).headers(attachmentHeaders(f.name)).send(f.bytes);
    },
  );
  app.post(
    '/api/survey-responses/:id/forward',
    {
      schema: {
        tags,
        summary: "Turn a participant's suggestion into a forum topic (once)",
        params: surveyResponseParams,
        body: forwardSuggestionBody,
        response: { 200: forwardSuggestionOutput },
      },
    },
    async (req) => forwardSuggestion(req.ctx, req.params.id, req.body),
  );
};
