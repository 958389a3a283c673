import type { home as base } from '../id/home';

export const home: typeof base = {
  welcome: (name) => `Welcome, ${name}`,
  intro: 'Simpul connects the PR units of vertical agencies, regency and city governments, universities, BUMN, BUMD and provincial agencies in West Sumatra.',
  members: 'Forum members by category',
  totalActive: (n) => `${n} active institutions`,
  activities: 'Activities',
  addInstitution: 'Add institution',
};
