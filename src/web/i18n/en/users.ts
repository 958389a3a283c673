import type { users as base } from '../id/users';

export const users: typeof base = {
  title: 'Users',
  description: 'Accounts of PR bureau staff, committee members, speakers and member PR officers.',
  invite: 'Invite user',
  sendInvitation: 'Send invitation',
  invited: (email) => `Invitation sent to ${email}`,
  edit: 'Edit user',
  name: 'Name',
  email: 'E-mail',
  role: 'Role',
  institution: 'Institution',
  institutionRequired: 'Required for member PR officers',
  lastLogin: 'Last login',
  never: 'Never',
  pending: 'Invitation pending',
  resendInvitation: 'Resend invitation',
  copyInvitationLink: 'Copy invitation link',
  invitationResent: (email) => `Invitation sent again to ${email}. The previous link no longer works.`,
  invitationLinkTitle: 'Invitation link',
  invitationLinkHelp: (name, until) =>
    `Send this link to ${name} only (e.g. by WhatsApp). It works once, until ${until}; earlier links no longer work.`,
  copy: 'Copy',
  copied: 'Copied',
  activeLabel: 'Account active (may log in)',
  roles: {
    admin: 'Administrator (PR bureau)',
    committee: 'Committee',
    member: 'Member PR officer',
    speaker: 'Speaker',
  },
};
