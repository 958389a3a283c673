import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from '../../core/context';
import { kakFileBaseName } from '../../documents/kakContent';
import { renderKakDocx } from '../../documents/kakDocx';
import { renderKakPdf } from '../../documents/kakPdf';
import { z } from '../../../shared/zod';
import { binaryResponse } from '../../../shared/schemas/common';
import { loadDocumentSettings } from '../settings/organisationSettings';
import { getActivity } from './getActivity';

const formats = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderKakDocx },
  pdf: { mime: 'application/pdf', render: renderKakPdf },
} as const;
export type KakFormat = keyof typeof formats;

/**
 * The KAK of an activity as a file; whoever may read the activity may download it (getActivity authorizes).
 * A draft, or a KAK whose checks report errors, prints with the "DRAF" mark (documents/kakContent.ts) and says
 * so in the answer: `x-kak-status` and `x-kak-check-errors` (the SPA warns before the download).
 */
export async function kakDocument(
  ctx: Ctx,
  activityId: string,
  format: KakFormat,
): Promise<{ fileName: string; mime: string; body: Buffer; status: string; checkErrors: number }> {
  const activity = await getActivity(ctx, activityId);
  const settings = await loadDocumentSettings(ctx.db);
  const { mime, render } = formats[format];
  return {
    fileName: `${kakFileBaseName(activity)}.${format}`,
    mime,
    body: await render(activity, settings),
    status: activity.status,
    checkErrors: activity.checks.errors.length,
  };
}

const params = z.object({ id: z.uuid('ID kegiatan tidak valid') });

export const activityDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const format of Object.keys(formats) as KakFormat[]) {
    app.get(
      `/api/activities/:id/kak.${format}`,
      {
        schema: {
          tags: ['activities'],
          summary: `The KAK (Kerangka Acuan Kerja) of the activity as ${format === 'docx' ? 'a Word document' : 'a PDF'}, with the letterhead`,
          params,
          response: { 200: binaryResponse([formats[format].mime], `The KAK as ${format.toUpperCase()}`) },
        },
      },
      async (req, reply) => {
        const doc = await kakDocument(req.ctx, req.params.id, format);
        return reply
          .type(doc.mime)
          .header('content-disposition', `attachment; filename="${doc.fileName}"`)
          .header('cache-control', 'private, no-store')
          .header('x-kak-status', doc.status)
          .header('x-kak-check-errors', String(doc.checkErrors))
          .send(doc.body);
      },
    );
  }
};
