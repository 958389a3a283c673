import JSZip from 'jszip';
import { and, asc, eq } from 'drizzle-orm';
import { loadAuthorized } from '../../core/aggregate';
import type { Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { activities, institutions, meetingInvitations } from '../../db/schema/index';
import { invitationLetterContent, type InvitationLetter } from '../../documents/invitationLetter';
import { renderDocx } from '../../documents/renderDocx';
import { renderPdf, renderPdfSet } from '../../documents/renderPdf';
import type { Signer } from '../../../shared/schemas/meetings';
import { loadDocumentSettings } from '../settings/organisationSettings';
import { meetingRoot, type MeetingRow } from './meetingRoot';
import { meetingAgendaLines } from './rsvp';

/** A file name without characters that trouble file systems. */
export const fileSafe = (s: string) =>
  s
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

async function lettersOf(ctx: Ctx, m: MeetingRow, invitationId?: string): Promise<InvitationLetter[]> {
  const [activity] = await ctx.db.select({ fiscalYear: activities.fiscalYear }).from(activities).where(eq(activities.id, m.activityId));
  const agenda = await meetingAgendaLines(ctx.db, m.id, m.activityId);
  const rows = await ctx.db
    .select({ inv: meetingInvitations, name: institutions.name })
    .from(meetingInvitations)
    .innerJoin(institutions, eq(institutions.id, meetingInvitations.institutionId))
    .where(and(eq(meetingInvitations.meetingId, m.id), invitationId ? eq(meetingInvitations.id, invitationId) : undefined))
    .orderBy(asc(institutions.category), asc(institutions.name));
  if (invitationId && rows.length === 0) throw new NotFoundError('Undangan tidak ditemukan');
  return rows.map(({ inv, name }) => ({
    number: inv.letterNumber,
    place: m.letterPlace,
    date: m.letterDate,
    nature: m.letterNature,
    subject: m.letterSubject ?? `Undangan ${m.title}`,
    addressee: inv.addressee,
    institutionName: name,
    meeting: m,
    agenda,
    signer: (m.signer as Signer | null) ?? null,
    copies: (m.copies as string[]) ?? [],
    fiscalYear: activity!.fiscalYear,
  }));
}

export type LetterFile = { name: string; mime: string; body: Buffer };
const mimes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
} as const;

/** One institution's letter as DOCX or PDF (managers and administrators). */
export async function invitationLetterFile(ctx: Ctx, meetingId: string, invitationId: string, format: 'pdf' | 'docx'): Promise<LetterFile> {
  const m = await loadAuthorized(ctx, meetingRoot, meetingId, 'meeting.invitation.read');
  return letterFileOf(ctx, m, invitationId, format);
}

export async function letterFileOf(ctx: Ctx, m: MeetingRow, invitationId: string, format: 'pdf' | 'docx'): Promise<LetterFile> {
  const [letter] = await lettersOf(ctx, m, invitationId);
  const settings = await loadDocumentSettings(ctx.db);
  const model = invitationLetterContent(letter!, settings);
  const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return { name: `Undangan - ${fileSafe(letter!.institutionName)}.${format}`, mime: mimes[format], body };
}

/**
 * Every letter of the meeting in one PDF (for printing) or as a ZIP of DOCX files: its managers and administrators
 * (a member officer reads only its own institution's letter, so the meeting as a whole is "not found" to it). A read:
 * the letters of a meeting that is over stay downloadable for the archive.
 */
export async function allLettersFile(ctx: Ctx, meetingId: string, format: 'pdf' | 'zip'): Promise<LetterFile> {
  const m = await loadAuthorized(ctx, meetingRoot, meetingId, 'meeting.invitation.read');
  return allLettersOf(ctx, m, format);
}

export async function allLettersOf(ctx: Ctx, m: MeetingRow, format: 'pdf' | 'zip'): Promise<LetterFile> {
  const letters = await lettersOf(ctx, m);
  if (letters.length === 0) throw new NotFoundError('Belum ada instansi yang diundang');
  const settings = await loadDocumentSettings(ctx.db);
  const models = letters.map((l) => invitationLetterContent(l, settings));
  if (format === 'pdf') {
    const body = await renderPdfSet(models, {
      title: `Undangan ${m.title}`,
      subject: `Undangan ${m.title}`,
      author: settings.unitNameLines.join(' '),
    });
    return { name: `Undangan - ${fileSafe(m.title)} (semua).pdf`, mime: mimes.pdf, body };
  }
  const zip = new JSZip();
  const used = new Set<string>();
  for (const [i, model] of models.entries()) {
    let name = `Undangan - ${fileSafe(letters[i]!.institutionName)}.docx`;
    if (used.has(name)) name = name.replace(/\.docx$/, ` (${i + 1}).docx`);
    used.add(name);
    zip.file(name, await renderDocx(model));
  }
  const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { name: `Undangan - ${fileSafe(m.title)} (DOCX).zip`, mime: mimes.zip, body };
}
