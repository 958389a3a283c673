export { letterheadDetailLines as detailLines } from '../../../shared/letterhead';

/** Where the SPA loads the letterhead logo; the file id in the query makes a new upload a new URL. */
export const logoUrl = (logoFileId: string) => `/api/settings/organisation/logo?v=${encodeURIComponent(logoFileId)}`;
