import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { institutions } from '../db/schema/directory';
import { institutionCategories, type InstitutionCategory } from '../../shared/categories';

/** What the public page shows of a member: its name, and the institution's own website and office phone. */
export type PublicMember = {
  name: string;
  shortName: string | null;
  regionCode: string | null;
  website: string | null;
  phone: string | null;
};
export type MemberGroup = { category: InstitutionCategory | 'other'; members: PublicMember[] };

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

function byRegionCode(a: PublicMember, b: PublicMember): number {
  // Official region codes (13.01 ... 13.77) put regencies before cities, as BPS lists them; rows without one go last.
  if (a.regionCode && b.regionCode) return collator.compare(a.regionCode, b.regionCode) || collator.compare(a.name, b.name);
  if (a.regionCode || b.regionCode) return a.regionCode ? -1 : 1;
  return collator.compare(a.name, b.name);
}

/**
 * Active member institutions grouped by category, in the order of `institutionCategories`; empty
 * categories are left out. Regencies and cities are sorted by region code, the others by name.
 */
export async function loadMemberGroups(db: Db): Promise<MemberGroup[]> {
  const rows = await db
    .select({
      name: institutions.name,
      shortName: institutions.shortName,
      category: institutions.category,
      regionCode: institutions.regionCode,
      website: institutions.website,
      phone: institutions.phone,
    })
    .from(institutions)
    .where(eq(institutions.active, true));

  const known = new Set<string>(institutionCategories);
  const byCategory = new Map<MemberGroup['category'], PublicMember[]>();
  for (const { category, ...member } of rows) {
    const key = known.has(category) ? (category as InstitutionCategory) : 'other';
    const list = byCategory.get(key) ?? [];
    list.push(member);
    byCategory.set(key, list);
  }
  const order: MemberGroup['category'][] = [...institutionCategories, 'other'];
  return order
    .filter((category) => byCategory.has(category))
    .map((category) => {
      const members = byCategory.get(category)!;
      members.sort(category === 'regency_city' ? byRegionCode : (a, b) => collator.compare(a.name, b.name));
      return { category, members };
    });
}
