import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A real workbook (exceljs) with one sheet. */
export async function sampleXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Data').addRows([
    ['Instansi', 'Siaran pers'],
    ['Kabupaten Agam', 12],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal presentation package: the OOXML parts file-type (and PowerPoint) read to know it is a PPTX. */
export async function samplePptx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>',
  );
  zip.file(
    'ppt/presentation.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A plain zip archive (not an Office document). */
export async function sampleZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('catatan.txt', 'bukan dokumen office');
  return zip.generateAsync({ type: 'nodebuffer' });
}
