import type { AggregateRoot } from '../../core/aggregate';
import { releases } from '../../db/schema/index';

export type ReleaseRow = typeof releases.$inferSelect;

/**
 * The release is the root of its images, attachments and revisions: every write of them goes through it
 * (locked, authorized against its institution and status, version bumped, audited).
 */
export const releaseRoot: AggregateRoot<ReleaseRow> = {
  type: 'release',
  table: releases,
  notFound: 'Rilis tidak ditemukan',
  subject: (row) => ({ status: row.status, institutionId: row.institutionId, ownerId: row.authorId }),
};
