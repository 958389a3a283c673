import type { auth as base } from '../id/auth';

export const auth: typeof base = {
  email: 'E-mail',
  password: 'Password',
  newPassword: 'New password',
  confirmPassword: 'Repeat the password',
  passwordRule: 'At least 10 characters',
  passwordsDiffer: 'The two passwords differ',
  nameOptional: 'Full name (leave empty if it is already right)',
  backToLogin: 'Back to log in',
  missingToken: 'The link is incomplete. Open the link from your e-mail again.',
  login: { title: 'Log in', submit: 'Log in', forgot: 'Forgot your password?' },
  forgot: {
    title: 'Forgot password',
    intro:
      'Enter your account e-mail. We will send a link to choose a new password. Never received your invitation? Enter the invited address: the invitation is sent again.',
    submit: 'Send link',
    sent: 'If that address is registered, a reset link has been sent to it. Check your inbox.',
  },
  reset: { title: 'Reset password', submit: 'Save new password', done: 'Your new password is saved. Please log in.' },
  invitation: {
    title: 'Accept invitation',
    submit: 'Activate account',
    done: 'Your account is active. Please log in.',
    forWhom: (name, email) => `Invitation for ${name} (${email})`,
    asRole: (role, institution) => (institution ? `as ${role} at ${institution}` : `as ${role}`),
    validUntil: (date) => `The link works until ${date}.`,
    invalid: 'This invitation link no longer works (used, expired, or replaced by a newer link).',
    askAgain: 'Ask for a new invitation with "Forgot password"',
  },
};
