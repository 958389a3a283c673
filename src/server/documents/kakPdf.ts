import { kakContent, type KakActivity } from './kakContent';
import type { DocumentSettings } from './letterhead';
import { renderPdf } from './renderPdf';

/** The KAK of an activity as a PDF. */
export async function renderKakPdf(activity: KakActivity, settings: DocumentSettings): Promise<Buffer> {
  return renderPdf(kakContent(activity, settings));
}
