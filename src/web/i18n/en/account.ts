import type { account as base } from '../id/account';

export const account: typeof base = {
  title: 'My account',
  tokens: 'API tokens',
  tokensHelp: 'Other applications (e.g. an institution website) use an API token to read Simpul data on your behalf. Send it as the header "Authorization: Bearer <token>".',
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
};
