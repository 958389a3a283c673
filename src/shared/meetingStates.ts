/** Status sets of the meeting module, shared by the database CHECK constraints, the API schemas and the SPA. */

/** A meeting's lifecycle: prepared, invitations out, being held, finished (or called off). */
export const meetingStatuses = ['draft', 'invitations_sent', 'running', 'done', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  draft: 'Persiapan',
  invitations_sent: 'Undangan terkirim',
  running: 'Berlangsung',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

/** The invited institution's answer. */
export const rsvpStates = ['pending', 'accepted', 'declined'] as const;
export type RsvpState = (typeof rsvpStates)[number];
export const rsvpStateLabels: Record<RsvpState, string> = { pending: 'Belum menjawab', accepted: 'Hadir', declined: 'Berhalangan' };

/** Where the invitation letter's e-mail stands (the mail log holds the details). */
export const sendStates = ['unsent', 'queued', 'sent', 'failed'] as const;
export type SendState = (typeof sendStates)[number];
export const sendStateLabels: Record<SendState, string> = {
  unsent: 'Belum dikirim',
  queued: 'Dalam antrean',
  sent: 'Terkirim',
  failed: 'Gagal',
};
