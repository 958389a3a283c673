import type { home as base } from '../id/home';

export const home: typeof base = {
  welcome: (name) => `Welcome, ${name}`,
  intro:
    'Simpul connects the PR units of vertical agencies, regency and city governments, universities, BUMN, BUMD and provincial agencies in West Sumatra.',
  members: 'Forum members by category',
  totalActive: (n) => `${n} active institutions`,
  activities: 'Activities',
  addInstitution: 'Add institution',
  myInstitution: 'My institution',
  openInstitution: 'View and edit the institution',
  tasksTitle: 'What you need to do',
  tasksNone: "Your institution's data is complete. Nothing needs filling in now.",
  tasks: {
    addOfficer: "Add your institution's PR officers",
    mainContact: "Choose the institution's main contact (the officer the PR bureau contacts)",
    officerPhone: (names) => `Add a phone/WhatsApp number: ${names}`,
    officerEmail: (names) => `Add an e-mail address: ${names}`,
    institutionContact: (fields) => `Complete the institution's data: ${fields}`,
    fields: { email: 'e-mail', phone: 'phone', address: 'address' },
  },
  memberActivities: 'Forum activities',
  noActivities: 'No approved activities yet.',
};
