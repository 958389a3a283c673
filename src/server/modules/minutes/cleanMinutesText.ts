import { ValidationError } from '../../core/errors';
import { hostileMarkup, isBlankRichText, richTextToPlain, sanitizeRichText } from '../../core/richText';
import { minutesLimits } from '../../../shared/schemas/minutes';

const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Cleans one rich-text part of the minutes for storage; an empty part is stored as ''. `field` names it in the 400. */
export function cleanMinutesText(raw: string, field: string, label: string): string {
  // Markup no editor produces is refused (core/richText.ts hostileMarkup), not silently cut.
  const hostile = hostileMarkup(raw, 'Notulen');
  if (hostile) throw new ValidationError(`${label}: ${hostile}`, { [field]: hostile });
  const html = sanitizeRichText(raw).replace(controlChars, '');
  if (isBlankRichText(html)) return '';
  const length = richTextToPlain(html).length;
  if (length > minutesLimits.textMax) {
    const max = minutesLimits.textMax.toLocaleString('id-ID');
    throw new ValidationError(`${label} terlalu panjang: ${length.toLocaleString('id-ID')} karakter, maksimal ${max}.`, {
      [field]: `Maksimal ${max} karakter`,
    });
  }
  return html;
}
