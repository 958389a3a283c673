import { describe, expect, it } from 'vitest';
import { redactUrl } from './app';

describe('request logging', () => {
  it('never logs the token of a one-time link', () => {
    expect(redactUrl('/app/reset-password?token=abc.DEF_123')).toBe('/app/reset-password?token=[disembunyikan]');
    expect(redactUrl('/app/accept-invitation?lang=id&token=xyz&x=1')).toBe('/app/accept-invitation?lang=id&token=[disembunyikan]&x=1');
    expect(redactUrl('/api/institutions?q=padang')).toBe('/api/institutions?q=padang');
  });
});
