import { describe, expect, it } from 'vitest';
import { letterheadDetailLines } from '../../../shared/schemas/settings';
import { detailLines } from './letterhead';

describe('letterhead preview detail lines', () => {
  it('match the lines the documents print, with and without empty fields', () => {
    const full = { address: 'Jalan Jenderal Sudirman No. 51 Padang 25121', phone: 'Telp. (0751) 31401', email: 'humas@sumbarprov.go.id', website: 'www.sumbarprov.go.id' };
    const cases = [
      full,
      { ...full, phone: '' },
      { ...full, address: '', phone: '' },
      { ...full, email: '' },
      { address: '', phone: '', email: '', website: '' },
    ];
    for (const c of cases) expect(detailLines(c)).toEqual(letterheadDetailLines(c));
    expect(detailLines(full)).toEqual([
      'Jalan Jenderal Sudirman No. 51 Padang 25121, Telp. (0751) 31401',
      'E-mail: humas@sumbarprov.go.id, Website: www.sumbarprov.go.id',
    ]);
  });
});
