import { kakContent, type KakActivity } from './kakContent';
import type { DocumentSettings } from './letterhead';
import { renderDocx } from './renderDocx';

/** The KAK of an activity as a Word document. */
export async function renderKakDocx(activity: KakActivity, settings: DocumentSettings): Promise<Buffer> {
  return renderDocx(kakContent(activity, settings));
}
