import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activities, budgetLines, committeeMembers, speakers } from '../db/schema/index';
import { kakSchema, officerInChargeSchema } from '../../shared/kak';
import { computeLineAmount } from '../../shared/kakChecks';
import { reference2019 } from './reference2019';

type Line = {
  key?: string;
  accountCode: string;
  description: string;
  volume: number;
  unit: string;
  unitPrice: number;
  quarter: 1 | 2 | 3 | 4;
};

/**
 * Budget lines of the 2019 reference activity (fictional detail; the KAK gives only the totals).
 * They add up exactly to the KAK: Triwulan I Rp 46.733.000, Triwulan II Rp 1.624.960.
 */
const demoLines: Line[] = [
  {
    key: 'speakers',
    accountCode: '5.1.02.02.01.0003',
    description: 'Honorarium narasumber',
    volume: 6,
    unit: 'OJ',
    unitPrice: 1_700_000,
    quarter: 1,
  },
  { accountCode: '5.1.02.02.01.0003', description: 'Honorarium moderator', volume: 2, unit: 'OJ', unitPrice: 700_000, quarter: 1 },
  { accountCode: '5.1.02.02.01.0003', description: 'Honorarium panitia pelaksana', volume: 10, unit: 'OK', unitPrice: 500_000, quarter: 1 },
  {
    accountCode: '5.1.02.01.01.0052',
    description: 'Makanan dan minuman rapat (nasi kotak)',
    volume: 220,
    unit: 'kotak',
    unitPrice: 55_000,
    quarter: 1,
  },
  { accountCode: '5.1.02.01.01.0052', description: 'Kudapan rapat', volume: 220, unit: 'kotak', unitPrice: 22_000, quarter: 1 },
  { accountCode: '5.1.02.01.01.0024', description: 'Alat tulis kantor', volume: 1, unit: 'paket', unitPrice: 3_693_000, quarter: 1 },
  {
    accountCode: '5.1.02.01.01.0026',
    description: 'Penggandaan dan cetak bahan materi rapat',
    volume: 220,
    unit: 'eksemplar',
    unitPrice: 35_000,
    quarter: 1,
  },
  { accountCode: '5.1.02.01.01.0026', description: 'Spanduk kegiatan', volume: 4, unit: 'buah', unitPrice: 450_000, quarter: 1 },
  {
    accountCode: '5.1.02.01.01.0026',
    description: 'Penggandaan dan penjilidan laporan kegiatan',
    volume: 32,
    unit: 'eksemplar',
    unitPrice: 50_780,
    quarter: 2,
  },
];

const demoCommittee = [
  {
    role: 'pengarah',
    name: 'Drs. Hendra Contoh, M.Si',
    position: 'Kepala Biro Humas Setda Provinsi Sumatera Barat',
    nip: '196905121994031004',
  },
  {
    role: 'penanggung_jawab',
    name: reference2019.officerInCharge.name,
    position: reference2019.officerInCharge.position,
    nip: reference2019.officerInCharge.nip,
  },
  { role: 'ketua', name: 'Yusuf Contoh, S.IP', position: 'Kasubbag Publikasi dan Dokumentasi', nip: '198203152008011002' },
  { role: 'sekretaris', name: 'Dewi Contoh, S.Kom', position: 'Pranata Humas Ahli Pertama', nip: null },
  { role: 'anggota', name: 'Fajar Contoh, A.Md', position: 'Pranata Humas Terampil', nip: null },
  { role: 'anggota', name: 'Sari Contoh, S.E.', position: 'Pengelola Keuangan', nip: null },
  { role: 'anggota', name: 'Rahmat Contoh', position: 'Pengadministrasi Umum', nip: null },
] as const;

const demoSpeakers = [
  {
    name: 'Dr. Andi Contoh, M.I.Kom',
    institution: 'Fakultas Ilmu Komunikasi, Universitas Contoh (fiktif)',
    expertise: 'Komunikasi pemerintahan',
    topic: 'Peran humas pemerintah di era keterbukaan informasi publik',
  },
  {
    name: 'Maya Contoh, S.Sos., M.Si.',
    institution: 'Asosiasi Praktisi Humas Contoh (fiktif)',
    expertise: 'Media sosial instansi pemerintah',
    topic: 'Mengelola media sosial humas pemerintah yang mendidik dan mencerahkan',
  },
  {
    name: 'Ir. Budi Contoh, M.M.',
    institution: 'Komisi Informasi Contoh (fiktif)',
    expertise: 'Pelayanan informasi publik',
    topic: 'Pelayanan informasi publik dan tugas PPID di lingkungan pemerintah daerah',
  },
];

export const demoCommitteeDecree =
  'SK Kepala Biro Humas Nomor 005/017/Humas/I-2019 Tahun 2019 tentang Pembentukan Panitia Pelaksana Kegiatan Koordinasi Kehumasan (fiktif)';

/** The 2019 reference activity (status done) with budget lines, committee and speakers. Idempotent. */
export async function seedDemoActivity(db: Db): Promise<{ id: string; created: boolean }> {
  const ref = reference2019;
  const [existing] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.title, ref.title), eq(activities.fiscalYear, ref.fiscalYear)));
  if (existing) return { id: existing.id, created: false };

  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({
        title: ref.title,
        fiscalYear: ref.fiscalYear,
        orgUnit: ref.orgUnit,
        status: 'done',
        officerInCharge: officerInChargeSchema.parse(ref.officerInCharge),
        kak: kakSchema.parse(ref.kak),
        committeeDecree: demoCommitteeDecree,
        signPlace: ref.signPlace,
        signDate: ref.signDate,
      })
      .returning({ id: activities.id });
    const activityId = row!.id;
    let speakerLineId: string | null = null;
    for (const [position, l] of demoLines.entries()) {
      const computed = computeLineAmount(l.volume, l.unitPrice);
      if ('error' in computed) throw new Error(`demo budget line ${l.description}: ${computed.error}`);
      const quarterPlan = [0, 0, 0, 0];
      quarterPlan[l.quarter - 1] = computed.amount;
      const [line] = await tx
        .insert(budgetLines)
        .values({
          activityId,
          position,
          accountCode: l.accountCode,
          description: l.description,
          volume: l.volume.toFixed(2),
          unit: l.unit,
          unitPrice: l.unitPrice,
          amount: computed.amount,
          quarterPlan,
        })
        .returning({ id: budgetLines.id });
      if (l.key === 'speakers') speakerLineId = line!.id;
    }
    // Distinct creation times keep the listed order (one transaction would give every row the same now()).
    const base = Date.now();
    await tx.insert(committeeMembers).values(demoCommittee.map((m, i) => ({ ...m, activityId, createdAt: new Date(base + i) })));
    await tx.insert(speakers).values(
      demoSpeakers.map((s, i) => ({
        ...s,
        activityId,
        status: 'confirmed',
        fee: 3_400_000,
        budgetLineId: speakerLineId,
        createdAt: new Date(base + i),
      })),
    );
    return activityId;
  });
  return { id, created: true };
}
