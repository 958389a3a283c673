import { categoryLabels, type InstitutionCategory } from '../shared/categories';
import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** "26 November 2026" in WIB. */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(
    new Date(value),
  );
}

/** "26 Nov 2026 14.05 WIB" */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const s = new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(value));
  return `${s} WIB`;
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

export function categoryLabel(category: string, lang: Lang): string {
  return categoryLabels[category as InstitutionCategory]?.[lang] ?? category;
}
