import { z } from '../zod';
import { pageOutput } from './common';

/** One audit row: who did what to which entity, with the row before and after (secrets scrubbed). */
export const auditEntryOutput = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  /** Indonesian words for the action and entity type ("Lembaga diubah", "Lembaga"). */
  actionLabel: z.string(),
  entityLabel: z.string(),
  /** The actor's name, and the entity's name or title (the one recorded in the entry when the row is gone). */
  actorName: z.string().nullable(),
  entityName: z.string().nullable(),
});
export const auditListOutput = pageOutput(auditEntryOutput);
export type AuditEntry = z.output<typeof auditEntryOutput>;
