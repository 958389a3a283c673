import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sanitizeRichText } from '../core/richText';
import { agendaSessions, committeeMembers, meetingMinutes, meetings, sessionMinutes } from '../db/schema/index';

/**
 * The minutes (notulen) of the 2019 demo meeting: coordination of the PR units of West Sumatra (see the KAK in
 * /work/shared/reference). Chaired by the committee's pengarah (head of the PR bureau), taken by its sekretaris.
 * People are the demo's fictional names; the discussion follows the KAK's aims.
 */
const opening = `<p>Rapat dibuka pukul 08.30 WIB oleh Kepala Biro Humas Setda Provinsi Sumatera Barat selaku pimpinan rapat. Dalam arahannya disampaikan bahwa koordinasi kehumasan merupakan <strong>wadah koordinasi, berbagi informasi dan mencari solusi</strong> atas kendala yang dihadapi humas pemerintah di Sumatera Barat.</p>
<p>Pimpinan rapat meminta seluruh peserta dari pemerintah kabupaten/kota, perguruan tinggi, BUMN dan BUMD aktif menyampaikan persoalan kehumasan di lingkungan masing-masing.</p>`;

const bySession: Record<string, string> = {
  'Pembukaan dan arahan': `<p>Ketua panitia melaporkan bahwa undangan disampaikan kepada humas pemerintah kabupaten/kota dan perguruan tinggi se-Sumatera Barat. Pimpinan rapat menekankan tiga hal:</p>
<ol><li><p>Arus informasi antara pemerintah provinsi, kabupaten/kota dan masyarakat harus <strong>cepat dan akurat</strong>.</p></li><li><p>Setiap instansi perlu memiliki pejabat humas penghubung yang jelas.</p></li><li><p>Kegiatan kehumasan direncanakan <em>berkelanjutan</em>, tidak hanya saat ada acara pimpinan.</p></li></ol>`,
  'Isu kehumasan terkini': `<p>Narasumber memaparkan peran humas pemerintah di era keterbukaan informasi publik. Pokok-pokok pembahasan:</p>
<ul><li><p>Masih banyak siaran pers pemerintah daerah yang terlambat diterbitkan lebih dari satu hari setelah kegiatan.</p></li><li><p>Data kontak humas kabupaten/kota belum diperbarui sehingga undangan dan rilis tidak sampai.</p></li><li><p>Perguruan tinggi siap menjadi mitra dalam peningkatan kapasitas SDM humas.</p></li></ul>
<p>Tanggapan peserta: Humas Kabupaten Agam mengusulkan grup koordinasi bersama; Humas Kota Padang meminta jadwal rilis bersama untuk kegiatan gubernur di daerah.</p>`,
  'Strategi komunikasi publik dan penanganan hoaks': `<p>Narasumber menyampaikan strategi mengelola media sosial instansi pemerintah yang <strong>mendidik dan mencerahkan</strong>, serta langkah klarifikasi hoaks:</p>
<ol><li><p>Pantau isu setiap pagi dan catat sumbernya.</p></li><li><p>Klarifikasi resmi paling lambat <strong>1x24 jam</strong> melalui kanal resmi instansi.</p></li><li><p>Sebarkan ulang klarifikasi provinsi melalui kanal kabupaten/kota.</p></li></ol>
<p>Peserta menyepakati bahwa klarifikasi isu yang menyangkut lebih dari satu daerah dikoordinasikan oleh Biro Humas Provinsi.</p>`,
  Penutupan: `<p>Pimpinan rapat membacakan rumusan rapat (terlampir dalam dokumen Rumusan) dan meminta setiap instansi menyampaikan tindak lanjutnya melalui Simpul.</p>`,
};

const closing = `<p>Rapat ditutup pukul 12.30 WIB oleh pimpinan rapat dengan ucapan terima kasih kepada narasumber dan seluruh peserta. Rapat koordinasi berikutnya direncanakan pada tahun 2020.</p>`;

export async function seedDemoMinutes(db: Db, meetingId: string): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: meetingMinutes.meetingId }).from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId));
  if (existing) return { created: false };
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
    if (!m) return { created: false };
    const person = async (role: 'pengarah' | 'sekretaris') =>
      (
        await tx
          .select({ name: committeeMembers.name, position: committeeMembers.position })
          .from(committeeMembers)
          .where(and(eq(committeeMembers.activityId, m.activityId), eq(committeeMembers.role, role)))
          .limit(1)
      )[0];
    const chair = await person('pengarah');
    const noteTaker = await person('sekretaris');
    await tx.insert(meetingMinutes).values({
      meetingId,
      chairName: chair?.name ?? 'Kepala Biro Humas',
      chairPosition: chair?.position ?? 'Kepala Biro Humas Setda Provinsi Sumatera Barat',
      noteTakerName: noteTaker?.name ?? 'Sekretaris Panitia',
      noteTakerPosition: noteTaker?.position ?? null,
      openingHtml: sanitizeRichText(opening),
      closingHtml: sanitizeRichText(closing),
      updatedAt: new Date('2019-03-15T03:00:00Z'),
    });
    const sessions = await tx
      .select({ id: agendaSessions.id, title: agendaSessions.title })
      .from(agendaSessions)
      .where(eq(agendaSessions.meetingId, meetingId));
    const rows = sessions
      .filter((s) => bySession[s.title])
      .map((s) => ({ sessionId: s.id, meetingId, bodyHtml: sanitizeRichText(bySession[s.title]!) }));
    if (rows.length) await tx.insert(sessionMinutes).values(rows);
    return { created: true };
  });
}
