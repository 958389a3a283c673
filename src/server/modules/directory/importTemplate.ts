import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { categoryLabels, institutionCategories } from '../../../shared/categories';
import { prFunctionalLevelLabels, prFunctionalLevels } from '../../../shared/schemas/directory';
import { exportOnlyColumns, importColumns } from './importColumns';

const textColumns = new Set(['regionCode', 'phone', 'nip']);
const dataRows = 500;

/** Styles the header row of a sheet: bold on a light fill, frozen. */
export function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The XLSX template of the directory import: a "Data" sheet with the column headers (text format where Excel
 * would spoil numbers, drop-down lists for the fixed choices) and a "Petunjuk" sheet explaining each column.
 */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Simpul - Koordinasi Kehumasan';
  const data = workbook.addWorksheet('Data');
  data.columns = importColumns
    .filter((c) => !exportOnlyColumns.has(c.key))
    .map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(14, c.header.length + 4, c.key === 'name' || c.key === 'institution' || c.key === 'address' ? 40 : 0),
      style: textColumns.has(c.key) ? { numFmt: '@' } : {},
    }));
  styleHeader(data);
  const letter = (key: string) => data.getColumn(key).letter;
  const lists: Record<string, string[]> = {
    kind: ['lembaga', 'petugas'],
    category: institutionCategories.map((c) => categoryLabels[c].id),
    prFunctionalLevel: prFunctionalLevels.map((l) => prFunctionalLevelLabels[l]),
    isMainContact: ['ya', 'tidak'],
  };
  for (const [key, choices] of Object.entries(lists)) {
    for (let r = 2; r <= dataRows + 1; r++) {
      data.getCell(`${letter(key)}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: key !== 'category',
        errorTitle: 'Pilihan tidak dikenal',
        error: `Pilih salah satu: ${choices.join(', ')}`,
      };
    }
  }

  const help = workbook.addWorksheet('Petunjuk');
  help.columns = [
    { header: 'Kolom', key: 'column', width: 26 },
    { header: 'Keterangan', key: 'note', width: 100 },
  ];
  styleHeader(help);
  help.addRows(importColumns.map((c) => ({ column: c.header, note: c.note })));
  help.addRow({});
  help.addRow({
    column: 'Cara mengisi',
    note: 'Satu baris untuk satu lembaga (Jenis = lembaga) atau satu petugas humas (Jenis = petugas), di lembar "Data".',
  });
  help.addRow({
    note: 'Petugas boleh merujuk lembaga yang ditambahkan di berkas yang sama (tulis nama atau singkatannya di kolom Lembaga).',
  });
  help.addRow({
    note: 'Baris yang merujuk data yang sudah terdaftar memperbarui data itu: lembaga dikenali dari kolom ID (hasil ekspor), kode wilayah atau namanya; petugas dari kolom ID, NIP, e-mail, atau namanya di lembaga yang sama.',
  });
  help.addRow({ note: 'Pratinjau menandai setiap baris: baru, berubah (dengan isian sebelum -> sesudah) atau sama (tidak ditulis).' });
  help.addRow({
    note: 'Untuk memperbarui banyak data sekaligus: ekspor direktori, ubah berkasnya, lalu impor kembali. Kolom yang tidak ada di berkas tidak mengubah data tersimpan. Pada baris ber-ID (hasil ekspor) sel kosong mengosongkan isian itu; pada baris tanpa ID sel kosong tidak mengubah data tersimpan.',
  });
  help.addRow({ note: 'Berkas CSV juga diterima, dengan judul kolom yang sama di baris pertama (pemisah koma atau titik koma).' });
  help.addRow({});
  help.addRow({ column: 'Kategori', note: 'Tulis nama kategori atau kodenya:' });
  for (const c of institutionCategories) help.addRow({ column: c, note: categoryLabels[c].id });
  help.addRow({});
  help.addRow({
    column: 'Contoh lembaga',
    note: 'lembaga | Pemerintah Kota Contoh | Pemko Contoh | Pemerintah Kabupaten/Kota | 13.99 | Jl. Contoh No. 1 | https://contoh.example.org | humas@contoh.example.org | 0751 123456',
  });
  help.addRow({
    column: 'Contoh petugas',
    note: 'petugas | Andi Contoh | (kosong) | ... | E-mail andi@example.org | Telepon 0812-3456-7890 | Lembaga Pemko Contoh | NIP 18 digit | Kepala Subbagian Humas | Ahli Muda | ya',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template, for those who may import (the same check as the import itself). */
export async function importTemplate(ctx: Ctx): Promise<Buffer> {
  authorize(ctx.actor, 'institution.import');
  return buildImportTemplate();
}
