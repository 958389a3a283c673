import type { account as base } from '../id/account';

export const account: typeof base = {
  title: 'My account',
  tokens: 'API tokens',
  tokensHelp:
    'Other applications (e.g. an institution website) use an API token to read Simpul data on your behalf. Send it as the header "Authorization: Bearer <token>".',
  createToken: 'Create token',
  create: 'Create',
  tokenName: 'Token name',
  tokenNameHint: 'To recognise its use, e.g. "Diskominfo website"',
  prefix: 'Prefix',
  created: 'Created',
  lastUsed: 'Last used',
  neverUsed: 'Never',
  noTokens: 'No tokens yet.',
  secretOnce: 'Copy this token now. It is shown only this once; Simpul keeps only its cryptographic fingerprint.',
  revoke: 'Revoke',
  revokeQuestion: (name) => `Revoke token "${name}"? Applications using it will lose access to Simpul.`,
  revoked: 'Token revoked',
  revokedBadge: 'Revoked',
  changePassword: 'Change password',
  changePasswordHelp: 'You stay signed in in this browser; sessions on other devices are ended.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 10 characters',
  confirmPassword: 'Repeat the new password',
  passwordMismatch: 'The new passwords differ',
  passwordChanged: (ended, revoked = 0) =>
    ['Password changed.', ended ? `${ended} other session(s) ended.` : '', revoked ? `${revoked} API token(s) revoked.` : '']
      .filter(Boolean)
      .join(' '),
  revokeTokens: 'Also revoke all my API tokens',
  revokeTokensHelp: 'Advised if the password may have leaked. Integrations using a token will need a new one.',
};
