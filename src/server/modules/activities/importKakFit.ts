import type { z } from 'zod';
import { ValidationError } from '../../core/errors';

/**
 * Makes an imported draft pass its schema by giving up only the parts that do not fit: a too-long
 * text is cut at the limit, an item the schema refuses is left out, a bad optional value falls back
 * to its default. Each change is described (in Indonesian) so the user can check it.
 */

const labels: Record<string, string> = {
  title: 'Judul kegiatan',
  fiscalYear: 'Tahun anggaran',
  orgUnit: 'Unit kerja',
  officerInCharge: 'PPTK',
  signPlace: 'Tempat penandatanganan',
  signDate: 'Tanggal penandatanganan',
  background: 'Latar Belakang',
  intent: 'Maksud',
  objectives: 'Tujuan',
  legalBases: 'Dasar Hukum',
  method: 'Metode Pelaksanaan',
  participants: 'Peserta',
  scheduleIntro: 'Pengantar jadwal',
  schedule: 'Jadwal',
  locations: 'Lokasi',
  outputs: 'Keluaran',
  funding: 'Pembiayaan',
};

/** Names of fields inside a list item or a sub-object. */
const fieldLabels: Record<string, string> = {
  text: 'teks',
  type: 'jenis peraturan',
  number: 'nomor',
  year: 'tahun',
  title: 'judul',
  step: 'tahapan',
  responsible: 'penanggung jawab',
  description: 'uraian',
  indicator: 'indikator',
  target: 'target',
  name: 'nama',
  position: 'jabatan',
  nip: 'NIP',
  total: 'jumlah',
  source: 'sumber dana',
  label: 'nama baris',
  quarters: 'triwulan',
  frequency: 'frekuensi',
};

type Key = string | number;
const labelOf = (path: Key[]) =>
  path
    .filter((k) => k !== 'kak')
    .map((k, i) => (typeof k === 'number' ? `ke-${k + 1}` : i === 0 ? (labels[k] ?? k) : (fieldLabels[k] ?? k)))
    .join(' ');

function get(root: unknown, path: Key[]): unknown {
  let v = root as Record<Key, unknown> | undefined;
  for (const k of path) v = v == null ? undefined : (v[k] as Record<Key, unknown>);
  return v;
}

/** Removes the value at path: an array element is spliced out (tuples get 0), an object key is deleted. */
function remove(root: unknown, path: Key[]): void {
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (path.includes('quarters')) parent[key] = 0;
    else parent.splice(key, 1);
  } else if (parent && typeof parent === 'object') delete (parent as Record<Key, unknown>)[key];
}

export function fitToSchema(schema: z.ZodType, input: Record<string, unknown>): { value: Record<string, unknown>; dropped: string[] } {
  const value = structuredClone(input);
  const dropped: string[] = [];
  const tried = new Map<string, number>();
  for (let round = 0; round < 500; round++) {
    const result = schema.safeParse(value);
    if (result.success) return { value, dropped };
    const issue = result.error.issues[0]!;
    let path = issue.path.filter((k): k is Key => typeof k !== 'symbol');
    const at = get(value, path);
    const max = (issue as { maximum?: number | bigint }).maximum;
    if (issue.code === 'too_big' && typeof at === 'string' && typeof max === 'number') {
      (get(value, path.slice(0, -1)) as Record<Key, unknown>)[path[path.length - 1]!] = at.slice(0, max).trim();
      dropped.push(`${labelOf(path)} dipotong menjadi ${max} karakter`);
      continue;
    }
    if (issue.code === 'too_big' && Array.isArray(at) && typeof max === 'number') {
      dropped.push(`${labelOf(path)}: hanya ${max} butir pertama yang disimpan (${at.length - max} lainnya tidak)`);
      at.splice(max);
      continue;
    }
    const seen = (tried.get(path.join('.')) ?? 0) + 1;
    tried.set(path.join('.'), seen);
    // A structured part of a regulation that does not fit is dropped; the sentence itself stays.
    const inLegalBasis = path[1] === 'legalBases' && path.length === 4 && path[3] !== 'text';
    if (seen > 1 || (!inLegalBasis && path.length >= 3 && typeof path[2] === 'number')) path = path.slice(0, 3);
    if (seen > 2 || path.length === 0) path = path.slice(0, -1);
    if (path.length === 0) break;
    const shown = get(value, path);
    const sample = typeof shown === 'string' ? `: "${shown.slice(0, 80)}"` : '';
    remove(value, path);
    dropped.push(`${labelOf(path)} tidak disimpan (${issue.message})${sample}`);
  }
  throw new ValidationError('Isi KAK tidak dapat disesuaikan dengan formulir kegiatan. Periksa dokumennya lalu coba lagi.');
}
