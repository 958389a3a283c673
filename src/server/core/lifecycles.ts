import { activityStatusLabels, type ActivityStatus } from '../../shared/schemas/activities';
import { meetingStatusLabels, type MeetingStatus } from '../../shared/meetingStates';
import { releaseStatusLabels, type ReleaseStatus } from '../../shared/releaseStates';
import type { Action } from './policy';

/**
 * Lifecycles as data: for each kind of row, the actions each status allows. An action a lifecycle governs
 * (its `governs`) is refused with 409 when the row's status does not list it; actions it does not govern
 * (reading, for instance) are left to the role and row rules. New modules add their kind of row here.
 */
export type Lifecycle = {
  governs: (action: Action) => boolean;
  allows: Record<string, readonly Action[]>;
  /** Why the status refuses the action, in Indonesian, saying what to do instead. */
  refusal: (status: string, action: Action) => string;
};

const activityLocked: Action[] = ['activity.status', 'activity.approve', 'activity.copy'];

const activity: Lifecycle = {
  governs: (a) => a === 'activity.write' || a === 'activity.delete' || a === 'activity.status' || a === 'activity.copy',
  allows: {
    draft: ['activity.write', 'activity.delete', ...activityLocked],
    approved: activityLocked,
    running: activityLocked,
    done: activityLocked,
  } satisfies Record<ActivityStatus, readonly Action[]>,
  refusal: (status, action) => {
    const label = activityStatusLabels[status as ActivityStatus] ?? status;
    if (action === 'activity.delete')
      return `Kegiatan berstatus ${label} tidak dapat dihapus; hanya kegiatan berstatus Draf yang dapat dihapus.`;
    return `Kegiatan berstatus ${label} tidak dapat diubah. Kembalikan statusnya ke Draf terlebih dahulu (perubahan status tercatat).`;
  },
};

/** The kinds of row the policy knows; a kind with a lifecycle has its entry below. */
export type SubjectType = 'activity' | 'institution' | 'officer' | 'meeting' | 'release';

const meetingGoverned: readonly Action[] = ['meeting.manage', 'meeting.send', 'meeting.checkIn', 'meeting.overrideQuota'];

/**
 * A meeting is prepared (draft), invited (invitations_sent), held (running) and closed (done) or called off.
 * Check-in opens once invitations are out and stays open after it is done, so a phone that was offline can
 * still sync its queued check-ins; a done or cancelled meeting is otherwise read-only.
 */
const meeting: Lifecycle = {
  governs: (a) => meetingGoverned.includes(a),
  allows: {
    draft: ['meeting.manage', 'meeting.send'],
    invitations_sent: ['meeting.manage', 'meeting.send', 'meeting.checkIn', 'meeting.overrideQuota'],
    running: ['meeting.manage', 'meeting.send', 'meeting.checkIn', 'meeting.overrideQuota'],
    done: ['meeting.checkIn'],
    cancelled: [],
  } satisfies Record<MeetingStatus, readonly Action[]>,
  refusal: (status, action) => {
    const label = meetingStatusLabels[status as MeetingStatus] ?? status;
    if (action === 'meeting.checkIn') return `Check-in belum dibuka: rapat berstatus ${label}. Check-in dibuka setelah undangan dikirim.`;
    return `Rapat berstatus ${label} tidak dapat diubah lagi.`;
  },
};

const releaseGoverned: readonly Action[] = [
  'release.write',
  'release.delete',
  'release.submit',
  'release.review',
  'release.publish',
  'release.correct',
  'release.unpublish',
];

/**
 * A release is written (draft), sent for review (submitted), approved or sent back (rejected, editable and
 * resubmittable), then published now or scheduled (embargo); published or scheduled releases are corrected by
 * editors (revisions kept) and can be taken down (unpublished) and published again.
 */
const release: Lifecycle = {
  governs: (a) => releaseGoverned.includes(a),
  allows: {
    draft: ['release.write', 'release.delete', 'release.submit'],
    submitted: ['release.review'],
    rejected: ['release.write', 'release.delete', 'release.submit'],
    approved: ['release.review', 'release.publish'],
    scheduled: ['release.publish', 'release.correct', 'release.unpublish'],
    published: ['release.correct', 'release.unpublish'],
    unpublished: ['release.publish', 'release.correct'],
  } satisfies Record<ReleaseStatus, readonly Action[]>,
  refusal: (status, action) => {
    const label = releaseStatusLabels[status as ReleaseStatus] ?? status;
    if (action === 'release.write')
      return `Rilis berstatus ${label} tidak dapat diubah oleh penulis. Editor dapat mengoreksinya setelah terbit; rilis yang menunggu persetujuan dapat dikembalikan oleh editor.`;
    if (action === 'release.delete') return `Rilis berstatus ${label} tidak dapat dihapus; hanya Draf atau rilis yang dikembalikan.`;
    if (action === 'release.submit') return `Rilis berstatus ${label} tidak dapat diajukan; hanya Draf atau rilis yang dikembalikan.`;
    if (action === 'release.review') return `Rilis berstatus ${label} tidak sedang menunggu persetujuan.`;
    if (action === 'release.publish')
      return `Rilis berstatus ${label} tidak dapat diterbitkan; rilis harus disetujui editor terlebih dahulu.`;
    if (action === 'release.correct')
      return `Rilis berstatus ${label} belum terbit; ubah isinya lewat penulis (Draf) atau kembalikan ke penulis.`;
    return `Rilis berstatus ${label} tidak sedang terbit atau terjadwal.`;
  },
};

export const lifecycles: Partial<Record<SubjectType, Lifecycle>> = { activity, meeting, release };
