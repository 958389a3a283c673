import { describe, expect, it } from 'vitest';
import { displayPhone, formatPhone } from './phoneDisplay';

describe('phone display', () => {
  it('groups a stored number for reading and links a mobile to WhatsApp', () => {
    expect(formatPhone('+6275172590')).toBe('+62 751 72590');
    expect(displayPhone('+6281234567890')).toEqual({
      e164: '+6281234567890',
      international: '+62 812 3456 7890',
      national: '0812-3456-7890',
      telUri: 'tel:+6281234567890',
      whatsappUrl: 'https://wa.me/6281234567890',
    });
    // A landline has no WhatsApp link.
    expect(displayPhone('+627517051234')?.whatsappUrl).toBeNull();
    expect(formatPhone(null)).toBe('');
    expect(displayPhone('bukan nomor')).toMatchObject({ international: 'bukan nomor', whatsappUrl: null, telUri: '' });
  });
});
