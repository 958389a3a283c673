import { requiredText, uuid, z } from '../zod';
import { pageOutput, pageQueryFields } from './common';

/** Shapes of the session materials API (materi rapat per sesi): inputs validated on the server, outputs typed for the SPA. */

/** Materials are PDF, PPTX, DOCX or XLSX, recognised by content, at most 25 MB. */
export const materialMaxBytes = 25 * 1024 * 1024;
export const materialTypesText = 'PDF, PPTX, DOCX atau XLSX';

/** The text fields of an upload (multipart, beside the file in field "file"). */
export const materialUploadFields = z.object({
  sessionId: uuid(),
  title: requiredText(200, 'Judul materi'),
});

export const materialMeetingParams = z.object({ id: uuid() });
export const materialParams = z.object({ id: uuid() });
export const ticketMaterialParams = z.object({ token: z.string().min(20).max(100) });
export const ticketMaterialFileParams = ticketMaterialParams.extend({ id: uuid() });

export const materialOutput = z.object({
  id: z.string(),
  sessionId: z.string(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  uploadedByName: z.string().nullable(),
  can: z.object({ delete: z.boolean() }),
});
export type Material = z.infer<typeof materialOutput>;

export const materialSessionOutput = z.object({
  id: z.string(),
  day: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  title: z.string(),
  speakerNames: z.array(z.string()),
  canUpload: z.boolean(),
  materials: z.array(materialOutput),
});
export type MaterialSession = z.infer<typeof materialSessionOutput>;

/** A meeting's materials grouped by agenda session, in agenda order. */
export const materialsByMeetingOutput = z.object({
  meeting: z.object({ id: z.string(), title: z.string(), startDate: z.string(), endDate: z.string(), venue: z.string() }),
  sessions: z.array(materialSessionOutput),
  can: z.object({ upload: z.boolean() }),
});
export type MaterialsByMeeting = z.infer<typeof materialsByMeetingOutput>;

/** Meetings whose materials the caller may read (newest first), paged. */
export const materialMeetingsQuery = z.object({ ...pageQueryFields });
export const materialMeetingsOutput = pageOutput(
  z.object({ id: z.string(), title: z.string(), startDate: z.string(), endDate: z.string(), materialCount: z.number().int() }),
);
