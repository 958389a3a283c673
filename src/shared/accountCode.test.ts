import { describe, expect, it } from 'vitest';
import { accountCodeError, accountCodeLevels, accountCodeMessage, isAccountCode } from './accountCode';

describe('account codes of the regional chart of accounts', () => {
  it('accepts six levels of 1.1.2.2.2.4 digits', () => {
    expect(isAccountCode('5.1.02.02.01.0003')).toBe(true);
    expect(accountCodeLevels('5.1.02.01.01.0052')).toEqual(['5', '1', '02', '01', '01', '0052']);
    expect(accountCodeError(' 5.1.02. 02.01.0003 ')).toBeNull();
  });

  it.each([
    '5.1.2.2.1.3',
    '5.1.02.02.01',
    '5.1.02.02.01.0003.1',
    '51.02.02.01.0003',
    '5.1.02.02.01.003',
    'a.1.02.02.01.0003',
    '5-1-02-02-01-0003',
  ])('refuses %s with a message in Indonesian', (code) => {
    expect(isAccountCode(code)).toBe(false);
    expect(accountCodeError(code)).toBe(accountCodeMessage);
    expect(accountCodeMessage).toContain('contoh 5.1.02.02.01.0003');
  });

  it('says a blank code is required', () => {
    expect(accountCodeError('  ')).toBe('Kode rekening wajib diisi');
  });
});
