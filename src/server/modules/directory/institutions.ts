import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { institutions, officers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors';
import { authorize, can } from '../../core/policy';
import type { InstitutionCategory } from '../../../shared/categories';
import {
  regionCodeRequiredMessage,
  type CreateInstitutionInput,
  type Institution,
  type InstitutionDetail,
  type ListInstitutionsQuery,
  type UpdateInstitutionInput,
} from '../../../shared/schemas/directory';
import { normalizeSearch, searchTextOf } from '../../../shared/text';
import { searchCondition } from './search';
import { assertVersion } from '../../core/aggregate';

type InstitutionRow = typeof institutions.$inferSelect;

/** The columns every institution answer carries (all public to signed-in users). */
export const institutionColumns = {
  id: institutions.id,
  name: institutions.name,
  shortName: institutions.shortName,
  category: institutions.category,
  regionCode: institutions.regionCode,
  address: institutions.address,
  website: institutions.website,
  email: institutions.email,
  phone: institutions.phone,
  active: institutions.active,
  createdAt: institutions.createdAt,
  updatedAt: institutions.updatedAt,
  version: institutions.version,
};

export function institutionSearchText(v: { name: string; shortName?: string | null; regionCode?: string | null }): string {
  return searchTextOf(v.name, v.shortName, v.regionCode);
}

function present(
  row: Omit<InstitutionRow, 'searchText' | 'logoFileId'> & { logoFileId?: string | null; hasLogo?: boolean },
  officerCount: number,
): Institution {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    category: row.category as InstitutionCategory,
    regionCode: row.regionCode,
    address: row.address,
    website: row.website,
    email: row.email,
    phone: row.phone,
    hasLogo: row.hasLogo ?? !!row.logoFileId,
    active: row.active,
    officerCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function institutionFilter(q: { q?: string; category?: string; active?: 'true' | 'false' }): SQL | undefined {
  const where: (SQL | undefined)[] = [searchCondition(institutions.searchText, q.q)];
  if (q.category) where.push(eq(institutions.category, q.category));
  if (q.active) where.push(eq(institutions.active, q.active === 'true'));
  return and(...where);
}

/**
 * One page of institutions with their active officer count and the total, in one statement: the page is cut
 * first (walking the name index), a lateral count runs for the page's rows only, and the total is a scalar
 * subquery evaluated once, so the cost stays flat as the directory grows.
 */
export async function listInstitutions(ctx: Ctx, q: ListInstitutionsQuery): Promise<{ items: Institution[]; total: number }> {
  authorize(ctx.actor, 'directory.read');
  const cond = institutionFilter(q);
  const page = ctx.db
    .select({ ...institutionColumns, hasLogo: sql<boolean>`(${institutions.logoFileId} is not null)`.as('has_logo') })
    .from(institutions)
    .where(cond)
    .orderBy(asc(institutions.name), asc(institutions.id))
    .limit(q.limit)
    .offset(q.offset)
    .as('page');
  const counts = ctx.db
    .select({ n: sql<number>`count(*)::int`.as('n') })
    .from(officers)
    .where(and(eq(officers.institutionId, page.id), eq(officers.active, true)))
    .as('oc');
  const total = sql<number>`(select count(*) from ${institutions} ${cond ? sql`where ${cond}` : sql``})`.mapWith(Number);
  // The page's columns as seen from outside the subquery ("page"."name", not "institutions"."name").
  const pageFields = Object.fromEntries(
    Object.keys(page._.selectedFields).map((k) => [k, page[k as keyof typeof page._.selectedFields]]),
  ) as typeof page._.selectedFields;
  const rows = await ctx.db
    .select({ ...pageFields, officerCount: counts.n, total })
    .from(page)
    .leftJoinLateral(counts, sql`true`)
    .orderBy(asc(page.name), asc(page.id));
  let count_ = rows[0]?.total ?? 0;
  if (!rows.length) {
    const [c] = await ctx.db.select({ n: count() }).from(institutions).where(cond);
    count_ = c?.n ?? 0;
  }
  return { items: rows.map((r) => present(r, Number(r.officerCount ?? 0))), total: count_ };
}

async function officerCountOf(ctx: Ctx, institutionId: string): Promise<number> {
  const [c] = await ctx.db
    .select({ n: count() })
    .from(officers)
    .where(and(eq(officers.institutionId, institutionId), eq(officers.active, true)));
  return c?.n ?? 0;
}

async function detail(ctx: Ctx, row: InstitutionRow): Promise<InstitutionDetail> {
  return {
    ...present(row, await officerCountOf(ctx, row.id)),
    canEdit: can(ctx.actor, 'institution.update', { institutionId: row.id }),
    canSeeOfficers: can(ctx.actor, 'officer.read', { institutionId: row.id }),
  };
}

export async function getInstitution(ctx: Ctx, id: string): Promise<InstitutionDetail> {
  authorize(ctx.actor, 'directory.read');
  const [row] = await ctx.db.select().from(institutions).where(eq(institutions.id, id));
  if (!row) throw new NotFoundError('Lembaga tidak ditemukan');
  return detail(ctx, row);
}

/** Refuses a second institution with the same name (ignoring case and accents) or the same regency/city code. */
async function assertUnique(ctx: Ctx, v: { name: string; category: string; regionCode: string | null }, exceptId?: string) {
  const key = normalizeSearch(v.name);
  const sameName = await ctx.db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(
      and(
        sql`${institutions.searchText} like ${`${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
        exceptId ? ne(institutions.id, exceptId) : undefined,
      ),
    );
  if (sameName.some((r) => normalizeSearch(r.name) === key)) {
    throw new ConflictError('Lembaga dengan nama ini sudah terdaftar', { name: 'Nama lembaga sudah terdaftar' });
  }
  if (v.category === 'regency_city' && v.regionCode) {
    const [taken] = await ctx.db
      .select({ name: institutions.name })
      .from(institutions)
      .where(
        and(
          eq(institutions.category, 'regency_city'),
          eq(institutions.regionCode, v.regionCode),
          exceptId ? ne(institutions.id, exceptId) : undefined,
        ),
      );
    if (taken) {
      throw new ConflictError(`Kode wilayah ${v.regionCode} sudah dipakai ${taken.name}`, {
        regionCode: `Kode wilayah sudah dipakai ${taken.name}`,
      });
    }
  }
}

/** Inserts one institution inside an open transaction (used by create and by the import). */
export async function insertInstitution(tx: Ctx, input: CreateInstitutionInput): Promise<InstitutionRow> {
  const values = {
    name: input.name,
    shortName: input.shortName ?? null,
    category: input.category,
    regionCode: input.regionCode ?? null,
    address: input.address ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
  };
  const [row] = await tx.db
    .insert(institutions)
    .values({ ...values, searchText: institutionSearchText(values) })
    .returning();
  return row!;
}

export async function createInstitution(ctx: Ctx, input: CreateInstitutionInput): Promise<InstitutionDetail> {
  authorize(ctx.actor, 'institution.create');
  return inTransaction(ctx, async (tx) => {
    await assertUnique(tx, { name: input.name, category: input.category, regionCode: input.regionCode ?? null });
    const row = await insertInstitution(tx, input);
    await audit(tx, { action: 'institution.create', entityType: 'institution', entityId: row.id, after: row });
    return detail(tx, row);
  });
}

// The identity of a member in the reference list is the bureau's to change.
const adminOnlyFields = ['name', 'category', 'regionCode'] as const;

export async function updateInstitution(ctx: Ctx, id: string, input: UpdateInstitutionInput): Promise<InstitutionDetail> {
  authorize(ctx.actor, 'directory.read');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(institutions).where(eq(institutions.id, id)).for('update');
    if (!before) throw new NotFoundError('Lembaga tidak ditemukan');
    // Institutions are visible to every member, so refusing another's is a plain 403, not a 404.
    if (!can(ctx.actor, 'institution.update', { institutionId: id })) {
      throw new ForbiddenError(
        ctx.actor.kind === 'user' && ctx.actor.role === 'member' ? 'Anda hanya dapat mengubah data lembaga Anda sendiri' : undefined,
      );
    }
    const { version, ...changes } = input;
    assertVersion(before.version, version);
    if (ctx.actor.kind === 'user' && ctx.actor.role !== 'admin') {
      const touched = adminOnlyFields.filter((f) => changes[f] !== undefined && changes[f] !== before[f]);
      if (touched.length) throw new ForbiddenError('Nama, kategori dan kode wilayah lembaga hanya dapat diubah oleh administrator Biro');
    }
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as InstitutionRow;
    if (merged.category === 'regency_city' && !merged.regionCode) {
      throw new ValidationError(regionCodeRequiredMessage, { regionCode: regionCodeRequiredMessage });
    }
    if (merged.name !== before.name || merged.regionCode !== before.regionCode || merged.category !== before.category) {
      await assertUnique(tx, merged, id);
    }
    const [after] = await tx.db
      .update(institutions)
      .set({ ...changes, searchText: institutionSearchText(merged), version: before.version + 1, updatedAt: new Date() })
      .where(eq(institutions.id, id))
      .returning();
    await audit(tx, { action: 'institution.update', entityType: 'institution', entityId: id, before, after });
    return detail(tx, after!);
  });
}

/** Deactivates or reactivates a member; rows are never deleted because meetings and letters refer to them. */
export async function setInstitutionActive(ctx: Ctx, id: string, active: boolean, version: number): Promise<InstitutionDetail> {
  authorize(ctx.actor, 'institution.deactivate');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(institutions).where(eq(institutions.id, id)).for('update');
    if (!before) throw new NotFoundError('Lembaga tidak ditemukan');
    assertVersion(before.version, version);
    if (before.active === active) return detail(tx, before);
    const [after] = await tx.db
      .update(institutions)
      .set({ active, version: before.version + 1, updatedAt: new Date() })
      .where(eq(institutions.id, id))
      .returning();
    await audit(tx, {
      action: active ? 'institution.activate' : 'institution.deactivate',
      entityType: 'institution',
      entityId: id,
      before,
      after,
    });
    return detail(tx, after!);
  });
}
