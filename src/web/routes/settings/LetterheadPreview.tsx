import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatRupiah } from '../../../shared/money';
import type { OrganisationSettings } from '../../../shared/schemas/settings';
import { useT } from '../../i18n';
import { detailLines, logoUrl } from './letterhead';

// The printed letterhead is 155 mm wide (A4 less the margins); the preview scales it to its box with container
// units, 1 mm = 100/155 cqw, so the proportions stay those of the page at any screen width.
const mm = (n: number) => `${((n * 100) / 155).toFixed(3)}cqw`;
const pt = (n: number) => mm((n * 25.4) / 72);

let measureCanvas: HTMLCanvasElement | null = null;

/**
 * The size a letterhead line prints at: the largest from maxPt down to minPt (half-point steps) at which it fits
 * the column on one line, as the renderers choose it (src/server/documents/metrics.ts fitSizePt). Measured with
 * the browser's Helvetica/Arial, whose metrics the PDF's Helvetica shares.
 */
function fitSizePt(text: string, columnMm: number, maxPt: number, minPt: number, bold: boolean): number {
  measureCanvas ??= document.createElement('canvas');
  const ctx = measureCanvas.getContext('2d');
  if (!ctx) return maxPt;
  ctx.font = `${bold ? 'bold ' : ''}100px Helvetica, Arial, sans-serif`;
  const widthPtAt100 = (ctx.measureText(text).width * 72) / 96; // 100 px text, in points of 100 pt text
  const widthPt = (columnMm * 72) / 25.4;
  for (let size = maxPt; size > minPt; size -= 0.5) if ((widthPtAt100 * size) / 100 <= widthPt) return size;
  return minPt;
}

/** The funding total of the 2019 reference KAK, printed in the chosen rupiah style. */
const exampleAmount = 48_357_960;

/** The rupiah style as the KAK prints amounts: "Rp. 48.357.960,-" or "Rp 48.357.960". */
export function rupiahExample(style: OrganisationSettings['rupiahStyle']): string {
  return formatRupiah(exampleAmount, { style, suffix: style === 'Rp.' });
}

/**
 * The letterhead (kop) in plain HTML at print size: logo at the left (22 mm), the unit's lines centred and bold,
 * the detail lines, then a thick-over-thin rule; the geometry and font family of the PDF renderer, scaled to fit.
 */
export function LetterheadPreview({ values }: { values: OrganisationSettings }) {
  const t = useT();
  const names = values.unitNameLines.filter((l) => l.trim() !== '');
  const details = detailLines(values);
  // As the renderers: the text column beside the logo, less a few millimetres of table cell padding.
  const columnMm = 155 - (values.logoFileId ? 22 + 3 : 0) - 4;
  return (
    <Stack gap="xs" component="section" aria-label={t.settings.preview}>
      <Title order={3}>{t.settings.preview}</Title>
      <Text size="sm" c="dimmed">
        {t.settings.previewHint}
      </Text>
      <Paper withBorder p="md" bg="white" style={{ containerType: 'inline-size' }}>
        <Box data-testid="letterhead-preview" style={{ color: '#000', fontFamily: 'Helvetica, Arial, sans-serif' }}>
          <Group gap={mm(3)} wrap="nowrap" align="center">
            {values.logoFileId ? (
              <img
                src={logoUrl(values.logoFileId)}
                alt={t.settings.logoAlt}
                style={{ width: mm(22), maxHeight: mm(30), objectFit: 'contain', flex: 'none' }}
              />
            ) : null}
            <div style={{ flex: 1, minWidth: 0, textAlign: 'center', lineHeight: 1.2 }}>
              {names.map((line, i) => {
                const max = i === 0 ? 15 : 14;
                return (
                  <div
                    key={i}
                    data-testid="letterhead-line"
                    style={{ fontWeight: 700, fontSize: pt(fitSizePt(line, columnMm, max, max - 4, true)) }}
                  >
                    {line}
                  </div>
                );
              })}
              {details.map((line, i) => (
                <div key={i} data-testid="letterhead-detail" style={{ fontSize: pt(fitSizePt(line, columnMm, 10, 8, false)) }}>
                  {line}
                </div>
              ))}
            </div>
          </Group>
          <div aria-hidden style={{ marginTop: mm(2), borderTop: '3px solid #000', paddingTop: '1px' }}>
            <div style={{ borderTop: '1px solid #000' }} />
          </div>
        </Box>
      </Paper>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t.settings.exampleAmount}:
        </Text>
        <Text size="sm" fw={600} data-testid="rupiah-example">
          {rupiahExample(values.rupiahStyle)}
        </Text>
      </Group>
    </Stack>
  );
}
