import { ValidationError } from '../../core/errors';
import { isBlankRichText, richTextToPlain, sanitizeRichText } from '../../core/richText';
import { minutesLimits } from '../../../shared/schemas/minutes';

/**
 * Markup the editor never produces: a body that carries it was not typed in our editor, so it is refused (400)
 * rather than silently cut (as the releases module does); everything else goes through the one sanitiser.
 */
const forbidden: { pattern: RegExp; message: string }[] = [
  { pattern: /<\s*(?:script|style)\b/i, message: 'Notulen tidak boleh memuat skrip atau gaya (<script>, <style>)' },
  { pattern: /<[^>]*\son[a-z]+\s*=/i, message: 'Notulen tidak boleh memuat atribut peristiwa (onclick, onerror, ...)' },
  {
    pattern: /<[^>]*\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i,
    message: 'Tautan javascript:, vbscript: atau data: tidak diizinkan dalam notulen; gunakan alamat http(s)',
  },
  { pattern: /<\s*(?:iframe|object|embed|form)\b/i, message: 'Notulen tidak boleh memuat iframe, object, embed atau form' },
];

const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Cleans one rich-text part of the minutes for storage; an empty part is stored as ''. `field` names it in the 400. */
export function cleanMinutesText(raw: string, field: string, label: string): string {
  for (const f of forbidden) if (f.pattern.test(raw)) throw new ValidationError(`${label}: ${f.message}`, { [field]: f.message });
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
