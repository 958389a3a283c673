import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse, mimeTypes } from '../../../shared/schemas/common';
import { minutesBody, minutesOutput, minutesParams } from '../../../shared/schemas/minutes';
import { z } from '../../../shared/zod';
import { attachmentHeaders } from '../../core/download';
import { getMinutes } from './minutesData';
import { minutesFile } from './minutesDocument';
import { saveMinutes } from './saveMinutes';

const tags = ['minutes'];

/** The minutes (notulen) of a meeting: read, save with its version, and download as DOCX or PDF. */
export const minutesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: "A meeting's minutes with its sessions and the attendance taken from check-ins",
        params: minutesParams,
        response: { 200: minutesOutput },
      },
    },
    async (req) => getMinutes(req.ctx, req.params.id),
  );
  app.put(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Save the whole minutes (chair, note-taker, opening, discussion per session, closing); names the version read',
        params: minutesParams,
        body: minutesBody,
        response: { 200: minutesOutput },
      },
    },
    async (req) => saveMinutes(req.ctx, req.params.id, req.body),
  );
  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/meetings/:id/minutes.${format}`,
      {
        schema: {
          tags,
          summary: `The minutes as ${format.toUpperCase()} with the letterhead ("Notulen Rapat")`,
          params: minutesParams,
          querystring: z.object({}),
          response: { 200: binaryResponse([mimeTypes[format]], `The minutes as ${format.toUpperCase()}`) },
        },
      },
      async (req, reply) => {
        const f = await minutesFile(req.ctx, req.params.id, format);
        return reply.type(f.mime).headers(attachmentHeaders(f.name)).send(f.bytes);
      },
    );
  }
};
