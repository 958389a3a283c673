/** Status sets of the meeting outcomes (rumusan, tindak lanjut, sertifikat), shared by the database, the API and the SPA. */

/** Where a follow-up action (tindak lanjut) stands. */
export const followUpStatuses = ['not_started', 'in_progress', 'done', 'not_feasible'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  not_started: 'Belum mulai',
  in_progress: 'Berjalan',
  done: 'Selesai',
  not_feasible: 'Tidak dapat dilaksanakan',
};
/** A follow-up is closed (no reminders, not overdue) once done or found not feasible. */
export const closedFollowUpStatuses: readonly FollowUpStatus[] = ['done', 'not_feasible'];

/** Who a certificate is for. */
export const certificateRoles = ['participant', 'speaker', 'committee'] as const;
export type CertificateRole = (typeof certificateRoles)[number];
export const certificateRoleLabels: Record<CertificateRole, string> = {
  participant: 'Peserta',
  speaker: 'Narasumber',
  committee: 'Panitia',
};

/** A bulk generation of certificates. */
export const certificateBatchStates = ['running', 'done'] as const;
export type CertificateBatchState = (typeof certificateBatchStates)[number];

/** "001/SERT/HUMAS/2019": the certificate number of sequence `seq` of an activity of `year`. */
export function certificateNumber(seq: number, year: number): string {
  return `${String(seq).padStart(3, '0')}/SERT/HUMAS/${year}`;
}

/** Days before the due date the reminder goes out. */
export const followUpReminderDays = 7;
