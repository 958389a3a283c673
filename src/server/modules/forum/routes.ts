import { attachmentHeaders } from '../../core/download';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse } from '../../../shared/schemas/common';
import { forumAttachmentLimits } from '../../../shared/forum';
import {
  addToAgendaBody,
  addToAgendaOutput,
  agendaCandidatesOutput,
  agendaCandidatesQuery,
  attachmentOutput,
  categoryListOutput,
  categoryOutput,
  createCategoryBody,
  createReplyBody,
  createTopicBody,
  followBody,
  followOutput,
  hideBody,
  idParams,
  listRepliesQuery,
  listTopicsQuery,
  lockBody,
  mergeBody,
  moveBody,
  overviewOutput,
  replyListOutput,
  replyOutput,
  searchOutput,
  searchQuery,
  solutionBody,
  topicDetailOutput,
  topicListOutput,
  topicStatusBody,
  unsubscribeBody,
  unsubscribeOutput,
  updateCategoryBody,
  updateReplyBody,
  updateTopicBody,
  versionBody,
  voteOutput,
} from '../../../shared/schemas/forum';
import { versionQuery } from '../../../shared/schemas/version';
import { inTransaction } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { authorize } from '../../core/policy';
import { readUpload } from '../../core/upload';
import { flushMail } from '../../core/mailOutbox';
import { addTopicsToAgenda, agendaCandidates } from './agenda';
import { readAttachment, uploadAttachment } from './attachments';
import { createCategory, listCategories, updateCategory } from './categories';
import { hideReply, hideTopic, lockTopicAction, mergeTopic, moveTopic } from './moderation';
import { setFollow, unsubscribe } from './notify';
import { forumOverview } from './overview';
import { createReply, listReplies, unvote, updateReply, vote } from './replies';
import { searchForum } from './search';
import { acceptSolution, createTopic, followTopic, getTopic, listTopics, setTopicStatus, updateTopic } from './topics';

const tags = ['forum'];
/** Anonymous callers (the unsubscribe link): the token is the credential; the rate limit keeps guessing pointless. */
const publicLimit = { public: true, rateLimit: { max: 60, timeWindow: 60_000 } };

/** The coordination forum (issue 11); the contract is /work/notes/FORUM-API.md. */
export const forumRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Categories
  app.get(
    '/api/forum/categories',
    {
      schema: {
        tags,
        summary: 'Forum categories (with counts and whether the caller follows each)',
        response: { 200: categoryListOutput },
      },
    },
    async (req) => listCategories(req.ctx),
  );
  app.post(
    '/api/forum/categories',
    { schema: { tags, summary: 'Add a category (administrators)', body: createCategoryBody, response: { 201: categoryOutput } } },
    async (req, reply) => {
      reply.status(201);
      return createCategory(req.ctx, req.body);
    },
  );
  app.patch(
    '/api/forum/categories/:id',
    {
      schema: {
        tags,
        summary: 'Change a category (administrators)',
        params: idParams,
        body: updateCategoryBody,
        response: { 200: categoryOutput },
      },
    },
    async (req) => updateCategory(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/forum/categories/:id/follow',
    {
      schema: {
        tags,
        summary: 'Follow a category (immediate mail or daily digest) or stop',
        params: idParams,
        body: followBody,
        response: { 200: followOutput },
      },
    },
    async (req) => {
      authorize(req.ctx.actor, 'forum.post');
      const userId = req.ctx.actor.id;
      return inTransaction(req.ctx, async (tx) => {
        const { items } = await listCategories(tx);
        if (!items.some((c) => c.id === req.params.id)) throw new NotFoundError('Kategori forum tidak ditemukan');
        return setFollow(tx, { categoryId: req.params.id }, userId, req.body.mode);
      });
    },
  );

  // ---- Topics
  app.get(
    '/api/forum/topics',
    { schema: { tags, summary: 'Topics, paged by keyset (cursor)', querystring: listTopicsQuery, response: { 200: topicListOutput } } },
    async (req) => listTopics(req.ctx, req.query),
  );
  app.post(
    '/api/forum/topics',
    { schema: { tags, summary: 'Open a topic', body: createTopicBody, response: { 201: topicDetailOutput } } },
    async (req, reply) => {
      const topic = await createTopic(req.ctx, req.body);
      await flushMail(req.ctx);
      reply.status(201);
      return topic;
    },
  );
  app.get(
    '/api/forum/topics/:id',
    {
      schema: {
        tags,
        summary: 'One topic with its accepted solution and meeting link',
        params: idParams,
        response: { 200: topicDetailOutput },
      },
    },
    async (req) => getTopic(req.ctx, req.params.id),
  );
  app.patch(
    '/api/forum/topics/:id',
    {
      schema: {
        tags,
        summary: 'Edit a topic (author within 30 minutes, the bureau always)',
        params: idParams,
        body: updateTopicBody,
        response: { 200: topicDetailOutput },
      },
    },
    async (req) => updateTopic(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/forum/topics/:id/status',
    {
      schema: {
        tags,
        summary: 'Close (Selesai) or reopen a topic',
        params: idParams,
        body: topicStatusBody,
        response: { 200: topicDetailOutput },
      },
    },
    async (req) => setTopicStatus(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/forum/topics/:id/solution',
    {
      schema: {
        tags,
        summary: 'Mark a reply as the accepted solution',
        params: idParams,
        body: solutionBody,
        response: { 200: topicDetailOutput },
      },
    },
    async (req) => acceptSolution(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/forum/topics/:id/solution',
    {
      schema: {
        tags,
        summary: 'Withdraw the accepted solution',
        params: idParams,
        querystring: versionQuery,
        response: { 200: topicDetailOutput },
      },
    },
    async (req) => acceptSolution(req.ctx, req.params.id, { version: req.query.version, replyId: null }),
  );
  app.post(
    '/api/forum/topics/:id/vote',
    { schema: { tags, summary: 'Vote for a topic (once per person)', params: idParams, response: { 200: voteOutput } } },
    async (req) => vote(req.ctx, req.params.id),
  );
  app.delete(
    '/api/forum/topics/:id/vote',
    { schema: { tags, summary: 'Withdraw one’s vote', params: idParams, response: { 200: voteOutput } } },
    async (req) => unvote(req.ctx, req.params.id),
  );
  app.put(
    '/api/forum/topics/:id/follow',
    {
      schema: {
        tags,
        summary: 'Follow a topic (immediate mail or daily digest) or stop',
        params: idParams,
        body: followBody,
        response: { 200: followOutput },
      },
    },
    async (req) => followTopic(req.ctx, req.params.id, req.body.mode),
  );

  // ---- Replies
  app.get(
    '/api/forum/topics/:id/replies',
    {
      schema: {
        tags,
        summary: 'A topic’s replies, oldest first, paged by keyset',
        params: idParams,
        querystring: listRepliesQuery,
        response: { 200: replyListOutput },
      },
    },
    async (req) => listReplies(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/forum/topics/:id/replies',
    {
      schema: {
        tags,
        summary: 'Reply to a topic (optionally quoting a reply)',
        params: idParams,
        body: createReplyBody,
        response: { 201: replyOutput },
      },
    },
    async (req, reply) => {
      const created = await createReply(req.ctx, req.params.id, req.body);
      await flushMail(req.ctx);
      reply.status(201);
      return created;
    },
  );
  app.patch(
    '/api/forum/replies/:id',
    {
      schema: {
        tags,
        summary: 'Edit a reply (author within 30 minutes, the bureau always)',
        params: idParams,
        body: updateReplyBody,
        response: { 200: replyOutput },
      },
    },
    async (req) => updateReply(req.ctx, req.params.id, req.body),
  );

  // ---- Moderation (the bureau)
  app.post(
    '/api/forum/topics/:id/hide',
    { schema: { tags, summary: 'Hide a topic, with a reason', params: idParams, body: hideBody, response: { 200: topicDetailOutput } } },
    async (req) => hideTopic(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/forum/topics/:id/unhide',
    { schema: { tags, summary: 'Show a hidden topic again', params: idParams, body: versionBody, response: { 200: topicDetailOutput } } },
    async (req) => hideTopic(req.ctx, req.params.id, { version: req.body.version, reason: null }),
  );
  app.post(
    '/api/forum/replies/:id/hide',
    { schema: { tags, summary: 'Hide a reply, with a reason', params: idParams, body: hideBody, response: { 200: replyOutput } } },
    async (req) => hideReply(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/forum/replies/:id/unhide',
    { schema: { tags, summary: 'Show a hidden reply again', params: idParams, body: versionBody, response: { 200: replyOutput } } },
    async (req) => hideReply(req.ctx, req.params.id, { version: req.body.version, reason: null }),
  );
  app.post(
    '/api/forum/topics/:id/lock',
    { schema: { tags, summary: 'Lock or unlock a topic', params: idParams, body: lockBody, response: { 200: topicDetailOutput } } },
    async (req) => lockTopicAction(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/forum/topics/:id/move',
    {
      schema: { tags, summary: 'Move a topic to another category', params: idParams, body: moveBody, response: { 200: topicDetailOutput } },
    },
    async (req) => moveTopic(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/forum/topics/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into another topic (answers the target)',
        params: idParams,
        body: mergeBody,
        response: { 200: topicDetailOutput },
      },
    },
    async (req) => mergeTopic(req.ctx, req.params.id, req.body),
  );

  // ---- Agenda, overview
  app.get(
    '/api/forum/agenda-candidates',
    {
      schema: {
        tags,
        summary: 'The most voted open topics not yet on an agenda',
        querystring: agendaCandidatesQuery,
        response: { 200: agendaCandidatesOutput },
      },
    },
    async (req) => agendaCandidates(req.ctx, req.query.limit),
  );
  app.post(
    '/api/forum/agenda',
    {
      schema: {
        tags,
        summary: 'Put topics on a meeting’s agenda session in one action',
        body: addToAgendaBody,
        response: { 200: addToAgendaOutput },
      },
    },
    async (req) => addTopicsToAgenda(req.ctx, req.body),
  );
  app.get(
    '/api/forum/overview',
    { schema: { tags, summary: 'The bureau’s overview of the forum', response: { 200: overviewOutput } } },
    async (req) => forumOverview(req.ctx),
  );

  // ---- Search
  app.get(
    '/api/forum/search',
    {
      schema: {
        tags,
        summary: 'Full-text search (Indonesian) over topics and replies, best first',
        querystring: searchQuery,
        response: { 200: searchOutput },
      },
    },
    async (req) => searchForum(req.ctx, req.query),
  );

  // ---- Attachments
  app.post(
    '/api/forum/attachments',
    {
      schema: {
        tags,
        summary: 'Upload an attachment (multipart field "file"; PDF, PNG, JPEG, DOCX, XLSX, PPTX; at most 5 MB)',
        consumes: ['multipart/form-data'],
        response: { 201: attachmentOutput },
      },
    },
    async (req, reply) => {
      authorize(req.ctx.actor, 'forum.post');
      const upload = await readUpload(req, { maxBytes: forumAttachmentLimits.maxBytes, what: 'Lampiran' });
      reply.status(201);
      return uploadAttachment(req.ctx, upload);
    },
  );
  app.get(
    '/api/forum/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: idParams,
        response: { 200: binaryResponse(Object.keys(forumAttachmentLimits.types), 'The attached file') },
      },
    },
    async (req, reply) => {
      const file = await readAttachment(req.ctx, req.params.id);
      return reply.type(file.mime).headers(attachmentHeaders(file.name)).send(file.content);
    },
  );

  // ---- Unsubscribe (public: the link in the mail is the credential)
  app.post(
    '/api/forum/unsubscribe',
    {
      config: publicLimit,
      schema: {
        tags,
        summary: 'Stop following, from the link in a forum mail (no login)',
        body: unsubscribeBody,
        response: { 200: unsubscribeOutput },
      },
    },
    async (req) => unsubscribe(req.ctx, req.body.token),
  );
};
