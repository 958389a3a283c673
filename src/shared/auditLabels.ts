/**
 * People's words for the audit trail's action codes and entity types, in Indonesian and English. Every code the
 * server writes (`audit(tx, { action: '...' })`) has a label here; auditLabels.test.ts checks the server's source.
 */
type Label = { id: string; en: string };

export const auditActionLabels: Record<string, Label> = {
  'institution.create': { id: 'Lembaga ditambahkan', en: 'Institution added' },
  'institution.update': { id: 'Lembaga diubah', en: 'Institution changed' },
  'institution.activate': { id: 'Lembaga diaktifkan', en: 'Institution reactivated' },
  'institution.deactivate': { id: 'Lembaga dinonaktifkan', en: 'Institution deactivated' },
  'institution.logo': { id: 'Logo lembaga diganti', en: 'Institution logo replaced' },
  'officer.create': { id: 'Petugas humas ditambahkan', en: 'PR officer added' },
  'officer.update': { id: 'Petugas humas diubah', en: 'PR officer changed' },
  'officer.activate': { id: 'Petugas humas diaktifkan', en: 'PR officer reactivated' },
  'officer.deactivate': { id: 'Petugas humas dinonaktifkan', en: 'PR officer deactivated' },
  'directory.import': { id: 'Direktori diimpor', en: 'Directory imported' },
  'directory.export': { id: 'Direktori diekspor', en: 'Directory exported' },
  'directory.seed': { id: 'Data awal direktori dimuat', en: 'Directory seed data loaded' },
  'user.invite': { id: 'Pengguna diundang', en: 'User invited' },
  'user.invitation_resend': { id: 'Undangan dikirim ulang', en: 'Invitation sent again' },
  'user.invitation_accepted': { id: 'Undangan diterima', en: 'Invitation accepted' },
  'user.update': { id: 'Pengguna diubah', en: 'User changed' },
  'user.password_change': { id: 'Kata sandi diganti', en: 'Password changed' },
  'user.password_reset': { id: 'Kata sandi disetel ulang', en: 'Password reset' },
  'api_token.create': { id: 'Token API dibuat', en: 'API token created' },
  'api_token.revoke': { id: 'Token API dicabut', en: 'API token revoked' },
  'job.retry': { id: 'Pekerjaan latar belakang dicoba lagi', en: 'Background job retried' },
  'activity.create': { id: 'Kegiatan dibuat', en: 'Activity created' },
  'activity.update': { id: 'KAK kegiatan diubah', en: 'Activity KAK changed' },
  'activity.delete': { id: 'Kegiatan dihapus', en: 'Activity deleted' },
  'activity.status': { id: 'Status kegiatan diubah', en: 'Activity status changed' },
  'activity.copy': { id: 'Kegiatan disalin', en: 'Activity copied' },
  'activity.share': {
    id: 'Berbagi data pribadi kegiatan dengan anggota diubah',
    en: "Sharing of the activity's personal data with members changed",
  },
  'activity.write': { id: 'Kegiatan diubah', en: 'Activity changed' },
  'budgetLine.create': { id: 'Rincian anggaran ditambahkan', en: 'Budget line added' },
  'budgetLine.update': { id: 'Rincian anggaran diubah', en: 'Budget line changed' },
  'budgetLine.delete': { id: 'Rincian anggaran dihapus', en: 'Budget line removed' },
  'committeeMember.create': { id: 'Panitia ditambahkan', en: 'Committee member added' },
  'committeeMember.update': { id: 'Panitia diubah', en: 'Committee member changed' },
  'committeeMember.delete': { id: 'Panitia dihapus', en: 'Committee member removed' },
  'speaker.create': { id: 'Narasumber ditambahkan', en: 'Speaker added' },
  'speaker.update': { id: 'Narasumber diubah', en: 'Speaker changed' },
  'speaker.delete': { id: 'Narasumber dihapus', en: 'Speaker removed' },
  'settings.update': { id: 'Pengaturan organisasi diubah', en: 'Organisation settings changed' },
  'settings.logo': { id: 'Logo kop surat diganti', en: 'Letterhead logo replaced' },
  'meeting.checkIn': { id: 'Peserta check-in', en: 'Participant checked in' },
  'meeting.checkOut': { id: 'Peserta check-out', en: 'Participant checked out' },
  'meeting.create': { id: 'Rapat dibuat', en: 'Meeting created' },
  'meeting.update': { id: 'Rapat diubah', en: 'Meeting changed' },
  'meeting.status': { id: 'Status rapat diubah', en: 'Meeting status changed' },
  'agendaSession.create': { id: 'Sesi acara ditambahkan', en: 'Agenda session added' },
  'agendaSession.update': { id: 'Sesi acara diubah', en: 'Agenda session changed' },
  'agendaSession.delete': { id: 'Sesi acara dihapus', en: 'Agenda session removed' },
  'agendaSession.move': { id: 'Urutan sesi acara diubah', en: 'Agenda session moved' },
  'meetingInvitation.create': { id: 'Undangan rapat dikirim', en: 'Meeting invitations sent' },
  'meetingInvitation.update': { id: 'Undangan rapat diubah', en: 'Meeting invitation changed' },
  'meetingInvitation.delete': { id: 'Undangan rapat dibatalkan', en: 'Meeting invitation withdrawn' },
  'rsvp.accept': { id: 'Undangan rapat diterima', en: 'Meeting invitation accepted' },
  'rsvp.decline': { id: 'Undangan rapat ditolak', en: 'Meeting invitation declined' },
  'rsvp.addDelegate': { id: 'Utusan rapat ditambahkan', en: 'Meeting delegate added' },
  'meeting.send': { id: 'Undangan rapat dikirim', en: 'Meeting invitations sent' },
  'meeting.remind': { id: 'Pengingat rapat dikirim', en: 'Meeting reminder sent' },
  'registration.walkIn': { id: 'Peserta tanpa undangan didaftarkan', en: 'Walk-in participant registered' },
};

export const auditEntityLabels: Record<string, Label> = {
  institution: { id: 'Lembaga', en: 'Institution' },
  officer: { id: 'Petugas humas', en: 'PR officer' },
  directory: { id: 'Direktori', en: 'Directory' },
  user: { id: 'Pengguna', en: 'User' },
  api_token: { id: 'Token API', en: 'API token' },
  activity: { id: 'Kegiatan', en: 'Activity' },
  budget_line: { id: 'Rincian anggaran', en: 'Budget line' },
  committee_member: { id: 'Panitia', en: 'Committee member' },
  speaker: { id: 'Narasumber', en: 'Speaker' },
  settings: { id: 'Pengaturan', en: 'Settings' },
  mail: { id: 'E-mail', en: 'E-mail' },
  job: { id: 'Pekerjaan latar belakang', en: 'Background job' },
  check_in: { id: 'Kehadiran rapat', en: 'Meeting check-in' },
  meeting: { id: 'Rapat', en: 'Meeting' },
  agenda_session: { id: 'Sesi acara', en: 'Agenda session' },
  meeting_invitation: { id: 'Undangan rapat', en: 'Meeting invitation' },
  registration: { id: 'Pendaftaran peserta', en: 'Participant registration' },
};

/** "Lembaga diubah" for institution.update; an unknown code is shown as it is. */
export function auditActionLabel(action: string, lang: 'id' | 'en' = 'id'): string {
  return auditActionLabels[action]?.[lang] ?? action;
}

export function auditEntityLabel(entityType: string, lang: 'id' | 'en' = 'id'): string {
  return auditEntityLabels[entityType]?.[lang] ?? entityType;
}
