import { describe, expect, it } from 'vitest';
import { reference2019 } from '../seed/reference2019';
import { defaultOrganisationSettings } from '../../shared/schemas/settings';
import { kakContent, type KakActivity } from './kakContent';
import { plain, type Block } from './model';
import { formatNip } from './nip';

const texts = (blocks: Block[]) =>
  blocks.flatMap((b) => {
    if (b.kind === 'paragraph') return [plain(b.runs)];
    if (b.kind === 'list') return b.items.flatMap((i) => [`${i.label} ${plain(i.runs)}`, ...(i.notes ?? []).map(plain)]);
    if (b.kind === 'table') return [b.header.join(' | '), ...b.rows.map((r) => r.join(' | '))];
    if (b.kind === 'signature') return [b.placeDate, b.position, b.name, b.nip];
    if (b.kind === 'section') return [`${b.label} ${b.title}`];
    if (b.kind === 'signatures') return b.signers.flatMap((x) => [x.role, x.name, x.position]);
    return b.kind === 'title' ? b.lines : [b.text];
  });

describe('KAK content', () => {
  it('prints the NIP in its 8-6-1-3 groups, and anything else as typed', () => {
    expect(formatNip('197801012005012001')).toBe('19780101 200501 2 001');
    expect(formatNip('19780101 200501 2 001')).toBe('19780101 200501 2 001');
    expect(formatNip(' 12345 ')).toBe('12345');
  });

  it('lays out the demo activity as sections A to G with the schedule and quarter tables', () => {
    const model = kakContent(reference2019, defaultOrganisationSettings);
    const sections = model.blocks.filter((b) => b.kind === 'section').map((b) => (b.kind === 'section' ? `${b.label} ${b.title}` : ''));
    expect(sections).toEqual([
      'A. LATAR BELAKANG',
      'B. MAKSUD DAN TUJUAN',
      'C. DASAR HUKUM',
      'D. METODA PELAKSANAAN',
      'E. LOKASI KEGIATAN',
      'F. KELUARAN',
      'G. PEMBIAYAAN',
    ]);
    const all = texts(model.blocks);
    expect(all).toContain('No. | Kegiatan Koordinasi Kehumasan | Waktu');
    expect(all).toContain('2. | Penentuan narasumber | Februari 2019 – Maret 2019');
    expect(all).toContain('1. | Koordinasi Kehumasan | Rp. 46.733.000 | Rp. 1.624.960 | Rp. - | Rp. -');
    expect(all).toContain('Indikator: Jumlah rapat koordinasi yang terselenggara; Target: 1 kali.');
    expect(model.meta.title).toBe('Kerangka Acuan Kerja Kegiatan Koordinasi Kehumasan Tahun 2019');
    expect(model.letterhead.lines.map((l) => l.text)).toEqual([
      'PEMERINTAH PROVINSI SUMATERA BARAT',
      'SEKRETARIAT DAERAH',
      'BIRO ADMINISTRASI PIMPINAN',
      'Jalan Jenderal Sudirman No. 51 Padang 25121, Telp. (0751) 31401',
      'E-mail: humas@sumbarprov.go.id, Website: www.sumbarprov.go.id',
    ]);
  });

  it('writes the participants sentence from the categories when the KAK has none', () => {
    const kak = {
      ...reference2019.kak,
      participants: { categories: ['regency_city', 'university', 'bumd'] as const, text: '', frequency: '1 (satu) kali dalam setahun' },
    };
    const all = texts(
      kakContent(
        { ...reference2019, kak: { ...kak, participants: { ...kak.participants, categories: [...kak.participants.categories] } } },
        defaultOrganisationSettings,
      ).blocks,
    );
    expect(all).toContain(
      'Peserta dari kegiatan ini merupakan pelaksana humas pada Pemerintah Kabupaten/Kota, Perguruan Tinggi dan BUMD dan dilakukan 1 (satu) kali dalam setahun.',
    );
  });

  it('shrinks a long letterhead line to fit beside the logo instead of wrapping it', () => {
    const long = { ...defaultOrganisationSettings, unitNameLines: ['PEMERINTAH PROVINSI SUMATERA BARAT DAN KABUPATEN KEPULAUAN MENTAWAI'] };
    const [line] = kakContent(reference2019, long).letterhead.lines;
    expect(line!.sizePt).toBeLessThan(15);
    expect(kakContent(reference2019, defaultOrganisationSettings).letterhead.lines[0]!.sizePt).toBe(15);
  });

  it('refuses to print a KAK that does not parse (an amount above the maximum) instead of casting it', () => {
    const huge: KakActivity = {
      ...reference2019,
      kak: { ...reference2019.kak, funding: { ...reference2019.kak.funding, total: 1_000_000_000_000_000 } },
    };
    expect(() => kakContent(huge, defaultOrganisationSettings)).toThrow(/Nilai rupiah .*Rp 999\.999\.999\.999\.999/);
  });

  it('prints a stored sign date that is not a real day as the blank to fill in, never as typed', () => {
    const month13 = texts(kakContent({ ...reference2019, signDate: '2019-13' }, defaultOrganisationSettings).blocks);
    expect(month13).toContain('Padang, .................... 2019');
    const impossible = texts(
      kakContent({ ...reference2019, fiscalYear: 2027, signDate: '2027-02-30' }, defaultOrganisationSettings).blocks,
    );
    expect(impossible).toContain('Padang, .................... 2027');
    expect(impossible.join('\n')).not.toContain('2027-02-30');
  });

  it('prints the sign date in Indonesian', () => {
    const all = texts(kakContent({ ...reference2019, fiscalYear: 2027, signDate: '2027-02-28' }, defaultOrganisationSettings).blocks);
    expect(all).toContain('Padang, 28 Februari 2027');
  });
});
