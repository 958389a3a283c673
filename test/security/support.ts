import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';

// A full garbage collection before each measurement, so the baseline holds no garbage of the test's own making.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Samples the process's resident memory from a worker thread every 5 ms, so the peak is seen even while the main
 * thread is busy parsing (rss is process-wide).
 */
function rssSampler() {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const first = process.memoryUsage.rss();
     let peak = first;
     const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
     parentPort.on('message', () => { clearInterval(timer); peak = Math.max(peak, process.memoryUsage.rss()); parentPort.postMessage(peak - first); });`,
    { eval: true },
  );
  return {
    /** The peak growth of rss since the worker started. */
    stop: () =>
      new Promise<number>((resolve) => {
        worker.once('message', (growth: number) => void worker.terminate().then(() => resolve(growth)));
        worker.postMessage('stop');
      }),
  };
}

/**
 * Runs `work` and measures the peak growth, over the values just before, of resident memory (rss, sampled from a
 * worker thread) and of JavaScript memory (V8 heap plus Buffers, where inflated zip parts and decoded images would
 * sit; sampled on the main thread between its tasks, so a lower bound). rss can understate too (freed pages are
 * reused), so the tests bound both.
 */
export async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssMb: number; heapMb: number }> {
  gc();
  const js = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
  const before = process.memoryUsage();
  let peakJs = js(before);
  const sample = () => {
    peakJs = Math.max(peakJs, js(process.memoryUsage()));
  };
  const sampler = rssSampler();
  await new Promise((r) => setTimeout(r, 20)); // the worker is running
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    const ms = Math.round(performance.now() - started);
    const rssGrowth = await sampler.stop();
    return { result, ms, rssMb: Math.round(rssGrowth / 1e6), heapMb: Math.round((peakJs - js(before)) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

/** The error message of a JSON error answer (every 4xx of Simpul has one, in Indonesian). */
export const errorMessage = (res: LightMyRequestResponse) => (res.json() as { error?: { message?: string } }).error?.message ?? '';

/**
 * A minimal zip writer (deflate, no data descriptors) for hostile test files that office libraries will not
 * write: a million-row sheet small enough for the 5 MB upload limit, parts that inflate to hundreds of megabytes.
 */
export function zipOf(entries: { name: string; data: Buffer | string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
    const packed = deflateRawSync(raw, { level: 4 }); // level 4: smaller than 6 or 9 on these repetitive parts, and fast
    const name = Buffer.from(entry.name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts every XLSX needs around one sheet (xl/worksheets/sheet1.xml, named "Data"). */
export function xlsxOf(sheetXml: Buffer | string, extra: { name: string; data: Buffer | string }[] = []): Buffer {
  const ns = 'http://schemas.openxmlformats.org/';
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="${ns}package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ]);
}

/** Sheet XML of a header row ("Nama", "Lembaga") and `rows` data rows, built without holding strings per row. */
export function millionRowSheet(rows: number): Buffer {
  const head =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>Lembaga</t></is></c></row>';
  const parts: string[] = [head];
  for (let r = 2; r <= rows + 1; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''));
}

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
export type Op = { method: string; path: string; body?: Schema; multipart: boolean; query: [string, Schema][] };

/** Every operation of the app's OpenAPI document (what app.swagger() and GET /api/openapi.json describe). */
export function openApiOps(app: FastifyInstance): Op[] {
  const doc = app.swagger() as unknown as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string; schema?: Schema }[] }
      >
    >;
  };
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}] as [string, Schema]);
      ops.push({
        method: method.toUpperCase(),
        path,
        body: content['application/json']?.schema,
        multipart: !!content['multipart/form-data'] || /import|logo/.test(path),
        query,
      });
    }
  }
  return ops;
}

/** Ids a sample body uses for uuid fields, by the field's name. */
export type SampleIds = { institution?: string; officer?: string; activity?: string; user?: string };

/** A plausible value for a schema: what the field's format or pattern expects, the first choice of an enum. */
export function sample(s: Schema | undefined, ids: SampleIds, name = ''): unknown {
  if (!s) return 'teks';
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((x) => x.type !== 'null') ?? alt[0], ids, name);
  if (s.allOf?.length) return sample(Object.assign({}, ...s.allOf), ids, name);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties)
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, ids, k)]));
  if (type === 'array') return [sample(s.items, ids, name)];
  if (type === 'integer' || type === 'number') return name === 'version' ? 1 : name === 'fiscalYear' ? 2026 : Math.max(s.minimum ?? 1, 1);
  if (type === 'boolean') return false;
  if (s.format === 'uuid')
    return name.toLowerCase().includes('institution')
      ? ids.institution
      : name.toLowerCase().includes('officer')
        ? ids.officer
        : ids.activity;
  if (s.format === 'email' || /email/i.test(name)) return 'fuzz@example.org';
  if (s.format === 'date' || /date/i.test(name)) return '2026-01-15';
  if (/nip/i.test(name)) return '198001012005011001';
  if (/phone/i.test(name)) return '081234567890';
  if (/accountCode/i.test(name)) return '5.1.02.02.01.0003';
  if (/regionCode/i.test(name)) return '13.71';
  if (/website|url/i.test(name)) return 'https://example.org';
  if (/password/i.test(name)) return 'kata-sandi-fuzz-123';
  return 'Teks uji';
}

/** Paths (as key lists) of every string leaf of a sample body. */
export function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}

export function withLeaf(value: unknown, at: (string | number)[], leaf: string): unknown {
  if (!at.length) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = withLeaf(copy[at[0]!], at.slice(1), leaf);
  return copy;
}
