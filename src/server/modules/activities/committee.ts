import type { z } from 'zod';
import { committeeMembers } from '../../db/schema/index';
import { childRows } from '../../core/childRows';
import type { CommitteeMember, committeeMemberInput } from '../../../shared/schemas/activities';
import { activityRoot } from './activityRoot';
import { presentMember } from './present';

/** Members of the organising committee (panitia): written through the activity (its status, version and audit). */
export const committeeRows = childRows<typeof committeeMembers.$inferSelect, CommitteeMember, z.output<typeof committeeMemberInput>>({
  root: activityRoot,
  action: 'activity.write',
  table: committeeMembers,
  parentKey: committeeMembers.activityId,
  auditName: 'committeeMember',
  entityType: 'committee_member',
  notFound: 'Anggota panitia tidak ditemukan',
  present: presentMember,
  async values(_tx, _activityId, input, before) {
    if (before) return { role: input.role, name: input.name, position: input.position, nip: input.nip };
    return { role: input.role, name: input.name, position: input.position ?? null, nip: input.nip ?? null };
  },
});
