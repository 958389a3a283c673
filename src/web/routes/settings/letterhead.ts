import type { OrganisationSettings } from '../../../shared/schemas/settings';

/**
 * The letterhead's detail lines, as `letterheadDetailLines` in src/shared/schemas/settings.ts prints them.
 * Copied rather than imported: that module builds zod schemas at load time and would bring zod into the
 * bundle. letterhead.test.ts checks that both give the same lines.
 */
export function detailLines(s: Pick<OrganisationSettings, 'address' | 'phone' | 'email' | 'website'>): string[] {
  const first = [s.address, s.phone].filter(Boolean).join(', ');
  const second = [s.email && `E-mail: ${s.email}`, s.website && `Website: ${s.website}`].filter(Boolean).join(', ');
  return [first, second].filter(Boolean);
}

/** Where the SPA loads the letterhead logo; the file id in the query makes a new upload a new URL. */
export const logoUrl = (logoFileId: string) => `/api/settings/organisation/logo?v=${encodeURIComponent(logoFileId)}`;
