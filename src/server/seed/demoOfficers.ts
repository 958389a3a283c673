import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, institutions, officers } from '../db/schema/index';
import type { InstitutionCategory } from '../../shared/categories';
import type { PrFunctionalLevel } from '../../shared/schemas/directory';
import { normalizeSearch } from '../../shared/text';
import { officerSearchText } from '../modules/directory/officers';
import { referenceInstitutions } from './referenceInstitutions';

// Invented people: "Contoh", "Peraga" and "Simulasi" (example, prop, simulation) mark them as demo data.
const firstNames = [
  'Andi',
  'Rina',
  'Budi',
  'Sari',
  'Fajar',
  'Dewi',
  'Rahmat',
  'Yulia',
  'Hendra',
  'Nofri',
  'Intan',
  'Rizki',
  'Mega',
  'Fadli',
  'Vivi',
  'Zulfikar',
  'Ratna',
  'Arif',
  'Lestari',
  'Doni',
];
const lastNames = ['Contoh', 'Peraga', 'Simulasi'];

const government = new Set<InstitutionCategory>(['regency_city', 'vertical_agency', 'non_departmental', 'provincial_agency', 'bureau']);

function slug(text: string): string {
  return normalizeSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Two fictional officers (the first the main contact) for each reference institution; once per database. */
export async function seedDemoOfficers(db: Db): Promise<{ inserted: number }> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'directory.seed'), sql`${auditLog.after}->>'kind' = 'demo-officers'`));
    if (done && done.n > 0) return { inserted: 0 };
    const names = new Set(referenceInstitutions.map((r) => normalizeSearch(r.name)));
    const rows = await tx
      .select({
        id: institutions.id,
        name: institutions.name,
        shortName: institutions.shortName,
        category: institutions.category,
        officerCount: sql<number>`(select count(*) from ${officers} o where o.institution_id = ${institutions.id})`.mapWith(Number),
      })
      .from(institutions)
      .orderBy(asc(institutions.name));
    const values: (typeof officers.$inferInsert)[] = [];
    let n = 0;
    for (const inst of rows.filter((r) => names.has(normalizeSearch(r.name)) && r.officerCount === 0)) {
      const isGov = government.has(inst.category as InstitutionCategory);
      const unit = slug(inst.shortName ?? inst.name);
      for (let k = 0; k < 2; k++) {
        const name = `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`;
        n += 1;
        const level: PrFunctionalLevel | null = isGov ? (k === 0 ? 'ahli_muda' : 'ahli_pertama') : null;
        const v = {
          institutionId: inst.id,
          name,
          position: isGov
            ? k === 0
              ? 'Kepala Subbagian Hubungan Masyarakat'
              : 'Pranata Humas Ahli Pertama'
            : k === 0
              ? 'Kepala Humas'
              : 'Staf Humas',
          prFunctionalLevel: level,
          email: `${slug(name).replace(/-/g, '.')}.${unit}@example.org`,
          isMainContact: k === 0,
        };
        values.push({ ...v, searchText: officerSearchText(v) });
      }
    }
    const inserted = values.length ? await tx.insert(officers).values(values).onConflictDoNothing().returning({ id: officers.id }) : [];
    await tx.insert(auditLog).values({
      actorLabel: 'sistem (data demo)',
      action: 'directory.seed',
      entityType: 'directory',
      after: { kind: 'demo-officers', inserted: inserted.length },
    });
    return { inserted: inserted.length };
  });
}
