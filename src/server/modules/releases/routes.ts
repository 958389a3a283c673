import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticate, sessionCookie } from '../../core/authenticate';
import type { Ctx } from '../../core/context';
import { readUpload } from '../../core/upload';
import { binaryResponse, okOutput } from '../../../shared/schemas/common';
import {
  approveReleaseInput,
  articlePreviewOutput,
  attachmentWriteOutput,
  correctReleaseInput,
  createReleaseInput,
  editorListOutput,
  editorListQuery,
  editorParams,
  imageUpdateInput,
  imageWriteOutput,
  listReleasesQuery,
  previewOutput,
  previewReleaseInput,
  publishReleaseInput,
  rejectReleaseInput,
  releaseAttachmentParams,
  releaseDetailOutput,
  releaseIdParams,
  releaseImageParams,
  releaseListOutput,
  releaseMetaOutput,
  removedOutput,
  setEditorInput,
  setEditorOutput,
  unpublishReleaseInput,
  updateReleaseInput,
  versionOnlyInput,
  type ReleaseDetail,
} from '../../../shared/schemas/releases';
import { releaseLimits } from '../../../shared/releaseStates';
import { versionQuery } from '../../../shared/schemas/version';
import { z } from '../../../shared/zod';
import { listEditors, setEditor } from './editors';
import { addAttachment, addImage, deleteAttachment, deleteImage, updateImage } from './files';
import { listReleases, releaseMeta } from './listReleases';
import { readReleaseMedia } from './media';
import { previewArticle, previewRelease } from './preview';
import {
  approveRelease,
  correctRelease,
  publishRelease,
  rejectRelease,
  submitRelease,
  unpublishRelease,
  unscheduleRelease,
} from './workflow';
import { createRelease, deleteRelease, getRelease, updateRelease } from './writeRelease';

const tags = ['releases'];
const multipart = { consumes: ['multipart/form-data'] };

/** Press releases: writing, the editorial workflow, images and attachments (issue 14). The public portal reads them. */
export const releaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/releases',
    {
      schema: {
        tags,
        summary: 'Releases (a member: its institution only); queue=review lists what the caller may review',
        querystring: listReleasesQuery,
        response: { 200: releaseListOutput },
      },
    },
    async (req) => listReleases(req.ctx, req.query),
  );
  app.get(
    '/api/releases/meta',
    {
      schema: {
        tags,
        summary: 'Categories, statuses, limits, whether the caller is an editor, the institutions it may write for',
        response: { 200: releaseMetaOutput },
      },
    },
    async (req) => releaseMeta(req.ctx),
  );
  app.post(
    '/api/releases/preview',
    {
      schema: {
        tags,
        summary: 'Live preview: the unsaved form rendered as the public article (html) and the body sanitised as it would be stored',
        body: previewReleaseInput,
        response: { 200: previewOutput },
      },
    },
    async (req) => previewRelease(req.ctx, req.body),
  );
  app.get(
    '/api/releases/editors',
    {
      schema: {
        tags,
        summary: 'Accounts with the editor flag (administrators)',
        querystring: editorListQuery,
        response: { 200: editorListOutput },
      },
    },
    async (req) => listEditors(req.ctx, req.query),
  );
  app.put(
    '/api/releases/editors/:userId',
    {
      schema: {
        tags,
        summary: 'Set or clear the editor flag of a member or committee account (administrators)',
        params: editorParams,
        body: setEditorInput,
        response: { 200: setEditorOutput },
      },
    },
    async (req) => setEditor(req.ctx, req.params.userId, req.body.editor),
  );
  app.post(
    '/api/releases',
    {
      schema: {
        tags,
        summary: 'Create a draft release (slug from the title unless given; a taken slug answers 409)',
        body: createReleaseInput,
        response: { 201: releaseDetailOutput },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createRelease(req.ctx, req.body);
    },
  );
  app.get(
    '/api/releases/:id',
    {
      schema: {
        tags,
        summary: 'One release with images, attachments, revisions and what the caller can do',
        params: releaseIdParams,
        response: { 200: releaseDetailOutput },
      },
    },
    async (req) => getRelease(req.ctx, req.params.id),
  );
  app.get(
    '/api/releases/:id/preview',
    {
      schema: {
        tags,
        summary: 'The public article fragment of the release (drafts too), for the preview',
        params: releaseIdParams,
        response: { 200: articlePreviewOutput },
      },
    },
    async (req) => previewArticle(req.ctx, req.params.id),
  );
  app.patch(
    '/api/releases/:id',
    {
      schema: {
        tags,
        summary: "Change a draft or sent-back release (the writer's edit); needs the version read",
        params: releaseIdParams,
        body: updateReleaseInput,
        response: { 200: releaseDetailOutput },
      },
    },
    async (req) => updateRelease(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/releases/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft or sent-back release (?version=)',
        params: releaseIdParams,
        querystring: versionQuery,
        response: { 200: okOutput },
      },
    },
    async (req) => {
      await deleteRelease(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  const transition = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: Ctx, id: string, b: z.output<B>) => Promise<ReleaseDetail>,
  ) =>
    app.post(
      `/api/releases/:id/${path}`,
      { schema: { tags, summary, params: releaseIdParams, body, response: { 200: releaseDetailOutput } } },
      async (req) => run(req.ctx, req.params.id, req.body as z.output<B>),
    );
  transition('submit', 'Send for approval', versionOnlyInput, (ctx, id, b) => submitRelease(ctx, id, b.version));
  transition(
    'approve',
    'Approve (editor); optionally publish now (publishNow) or schedule (publishAt)',
    approveReleaseInput,
    approveRelease,
  );
  transition('reject', 'Send back to the writer with a comment (editor)', rejectReleaseInput, rejectRelease);
  transition(
    'publish',
    'Publish now (publishAt absent or null) or at a future embargo time (editor); a past time answers 400',
    publishReleaseInput,
    publishRelease,
  );
  transition('unschedule', 'Cancel a scheduled publication that has not happened yet (editor)', versionOnlyInput, (ctx, id, b) =>
    unscheduleRelease(ctx, id, b.version),
  );
  transition(
    'correct',
    'Correct a scheduled, published or unpublished release (editor); keeps a revision; significant changes show on the public page',
    correctReleaseInput,
    correctRelease,
  );
  transition('unpublish', 'Take a release down from the public portal (editor)', unpublishReleaseInput, unpublishRelease);

  app.post(
    '/api/releases/:id/images',
    {
      schema: {
        tags,
        summary:
          'Add a photo: multipart "file" (JPEG or PNG, checked by content, at most 8 MB) with fields version, alt (required), caption, credit',
        params: releaseIdParams,
        ...multipart,
        response: { 201: imageWriteOutput },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req, { maxBytes: releaseLimits.imageMaxBytes, what: 'Gambar' });
      const out = await addImage(req.ctx, req.params.id, upload);
      reply.status(201);
      return out;
    },
  );
  app.patch(
    '/api/releases/:id/images/:imageId',
    {
      schema: {
        tags,
        summary: "Change an image's alt text, caption, credit or position",
        params: releaseImageParams,
        body: imageUpdateInput,
        response: { 200: imageWriteOutput },
      },
    },
    async (req) => updateImage(req.ctx, req.params.id, req.params.imageId, req.body),
  );
  app.delete(
    '/api/releases/:id/images/:imageId',
    {
      schema: {
        tags,
        summary: 'Remove an image (and its copies in the body)',
        params: releaseImageParams,
        querystring: versionQuery,
        response: { 200: removedOutput },
      },
    },
    async (req) => deleteImage(req.ctx, req.params.id, req.params.imageId, req.query.version),
  );
  app.post(
    '/api/releases/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Add an attachment: multipart "file" (PDF, DOCX, XLSX, PPTX, JPEG, PNG by content; at most 10 MB) with fields version, title',
        params: releaseIdParams,
        ...multipart,
        response: { 201: attachmentWriteOutput },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req, { maxBytes: releaseLimits.attachmentMaxBytes, what: 'Lampiran' });
      const out = await addAttachment(req.ctx, req.params.id, upload);
      reply.status(201);
      return out;
    },
  );
  app.delete(
    '/api/releases/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attachment',
        params: releaseAttachmentParams,
        querystring: versionQuery,
        response: { 200: removedOutput },
      },
    },
    async (req) => deleteAttachment(req.ctx, req.params.id, req.params.attachmentId, req.query.version),
  );

  // Public: a release's image or attachment. Public releases' files are cached for a year (a file never changes);
  // others only for signed-in readers of the release (preview), never cached. Anything else: 404.
  app.get(
    '/media/rilis/:fileId/:name',
    {
      config: { public: true },
      schema: {
        hide: true,
        params: z.object({ fileId: z.uuid(), name: z.string().max(200) }),
        response: {
          200: binaryResponse(['image/webp', 'image/jpeg', 'image/png', 'application/pdf', 'application/octet-stream'], 'The file'),
        },
      },
    },
    async (req, reply) => {
      const file = await readReleaseMedia(req.ctx, req.params.fileId, async () => {
        const auth = await authenticate(req.ctx.db, req.headers, req.cookies[sessionCookie]);
        return auth.actor;
      });
      if (!file)
        return reply
          .status(404 as 200)
          .type('text/plain; charset=utf-8')
          .send(Buffer.from('Berkas tidak ditemukan'));
      const etag = `"${file.sha256}"`;
      reply
        .header('cache-control', file.public ? 'public, max-age=31536000, immutable' : 'private, no-store')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff');
      if (!file.mime.startsWith('image/'))
        reply.header('content-disposition', `attachment; filename="${req.params.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
      if (req.headers['if-none-match'] === etag) return reply.status(304 as 200).send();
      return reply.type(file.mime).send(file.content);
    },
  );
};
