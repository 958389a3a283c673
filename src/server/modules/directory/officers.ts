import { and, asc, count, desc, eq, ne, type SQL } from 'drizzle-orm';
import { institutions, officers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { authorize, can, institutionScope } from '../../core/policy';
import type {
  CreateOfficerInput,
  ListOfficersQuery,
  Officer,
  PrFunctionalLevel,
  UpdateOfficerInput,
} from '../../../shared/schemas/directory';
import { searchTextOf } from '../../../shared/text';
import { searchCondition } from './search';
import { assertVersion } from '../../core/aggregate';

type OfficerRow = typeof officers.$inferSelect;

export const officerColumns = {
  id: officers.id,
  institutionId: officers.institutionId,
  institutionName: institutions.name,
  institutionShortName: institutions.shortName,
  name: officers.name,
  nip: officers.nip,
  position: officers.position,
  prFunctionalLevel: officers.prFunctionalLevel,
  email: officers.email,
  phone: officers.phone,
  isMainContact: officers.isMainContact,
  active: officers.active,
  createdAt: officers.createdAt,
  updatedAt: officers.updatedAt,
  version: officers.version,
};

export function officerSearchText(v: { name: string; email?: string | null; nip?: string | null; position?: string | null }): string {
  return searchTextOf(v.name, v.email, v.nip, v.position);
}

function present<T extends { prFunctionalLevel: string | null }>(
  row: T,
): Omit<T, 'prFunctionalLevel'> & { prFunctionalLevel: PrFunctionalLevel | null } {
  return row as Omit<T, 'prFunctionalLevel'> & { prFunctionalLevel: PrFunctionalLevel | null };
}

/** Officers the actor may see: a member officer only ever finds those of their own institution. */
export function officerFilter(ctx: Ctx, q: { q?: string; institutionId?: string; active?: 'true' | 'false' }): SQL | undefined {
  const scope = institutionScope(ctx.actor);
  const where: (SQL | undefined)[] = [searchCondition(officers.searchText, q.q)];
  if (scope) where.push(eq(officers.institutionId, scope));
  if (q.institutionId) where.push(eq(officers.institutionId, q.institutionId));
  if (q.active) where.push(eq(officers.active, q.active === 'true'));
  return and(...where);
}

export async function listOfficers(ctx: Ctx, q: ListOfficersQuery): Promise<{ items: Officer[]; total: number }> {
  authorize(ctx.actor, 'officer.read');
  const cond = officerFilter(ctx, q);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(officerColumns)
      .from(officers)
      .innerJoin(institutions, eq(institutions.id, officers.institutionId))
      .where(cond)
      .orderBy(asc(officers.name), asc(officers.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(officers).where(cond),
  ]);
  return { items: rows.map(present), total: total?.n ?? 0 };
}

/** All officers of one institution, main contact first; another institution's officers are not found for a member. */
export async function listInstitutionOfficers(ctx: Ctx, institutionId: string): Promise<{ items: Officer[]; total: number }> {
  authorize(ctx.actor, 'officer.read', { institutionId });
  const [inst] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId));
  if (!inst) throw new NotFoundError('Lembaga tidak ditemukan');
  const rows = await ctx.db
    .select(officerColumns)
    .from(officers)
    .innerJoin(institutions, eq(institutions.id, officers.institutionId))
    .where(eq(officers.institutionId, institutionId))
    .orderBy(desc(officers.isMainContact), desc(officers.active), asc(officers.name), asc(officers.id));
  return { items: rows.map(present), total: rows.length };
}

async function readOfficer(ctx: Ctx, id: string): Promise<Officer> {
  const [row] = await ctx.db
    .select(officerColumns)
    .from(officers)
    .innerJoin(institutions, eq(institutions.id, officers.institutionId))
    .where(eq(officers.id, id));
  if (!row) throw new NotFoundError('Petugas humas tidak ditemukan');
  return present(row);
}

export async function getOfficer(ctx: Ctx, id: string): Promise<Officer> {
  authorize(ctx.actor, 'officer.read');
  const officer = await readOfficer(ctx, id);
  authorize(ctx.actor, 'officer.read', { institutionId: officer.institutionId });
  return officer;
}

async function assertInstitution(ctx: Ctx, institutionId: string) {
  const [row] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId));
  if (!row) throw new ValidationError('Lembaga tidak ditemukan', { institutionId: 'Lembaga tidak ditemukan' });
}

/**
 * A member whose new or changed officer clashes with another institution's officer (same e-mail or NIP) gets this
 * one refusal, naming neither the field nor the other record: the form must not tell whether an address or a NIP is
 * registered elsewhere. The bureau, and a member for their own institution's officers, are told which field clashes.
 */
export const neutralPersonConflict =
  'Data petugas ini tidak dapat disimpan karena bentrok dengan data di direktori. Periksa e-mail dan NIP, atau hubungi Biro Humas untuk memeriksanya.';

/** E-mail and NIP identify a person: refuse a second officer with either. */
async function assertUniquePerson(ctx: Ctx, v: { email?: string | null; nip?: string | null }, exceptId?: string) {
  const other = exceptId ? ne(officers.id, exceptId) : undefined;
  const clashes: { field: 'email' | 'nip'; institutionId: string }[] = [];
  if (v.email) {
    const [dup] = await ctx.db
      .select({ institutionId: officers.institutionId })
      .from(officers)
      .where(and(eq(officers.email, v.email), other));
    if (dup) clashes.push({ field: 'email', institutionId: dup.institutionId });
  }
  if (v.nip) {
    const [dup] = await ctx.db
      .select({ institutionId: officers.institutionId })
      .from(officers)
      .where(and(eq(officers.nip, v.nip), other));
    if (dup) clashes.push({ field: 'nip', institutionId: dup.institutionId });
  }
  if (!clashes.length) return;
  if (clashes.some((c) => !can(ctx.actor, 'officer.read', { institutionId: c.institutionId })))
    throw new ConflictError(neutralPersonConflict);
  if (clashes[0]!.field === 'email') {
    throw new ConflictError('E-mail ini sudah terdaftar untuk petugas humas lain', { email: 'E-mail sudah terdaftar untuk petugas lain' });
  }
  throw new ConflictError('NIP ini sudah terdaftar untuk petugas humas lain', { nip: 'NIP sudah terdaftar untuk petugas lain' });
}

/** Makes `officerId` the only main contact of its institution: the previous one is unset (and audited) first. */
export async function unsetOtherMainContacts(tx: Ctx, institutionId: string, officerId?: string) {
  const previous = await tx.db
    .select()
    .from(officers)
    .where(
      and(eq(officers.institutionId, institutionId), eq(officers.isMainContact, true), officerId ? ne(officers.id, officerId) : undefined),
    )
    .for('update');
  for (const before of previous) {
    const [after] = await tx.db
      .update(officers)
      .set({ isMainContact: false, version: before.version + 1, updatedAt: new Date() })
      .where(eq(officers.id, before.id))
      .returning();
    await audit(tx, { action: 'officer.update', entityType: 'officer', entityId: before.id, before, after });
  }
}

/** Inserts one officer inside an open transaction (used by create and by the import). */
export async function insertOfficer(tx: Ctx, input: CreateOfficerInput & { institutionId: string }): Promise<OfficerRow> {
  if (input.isMainContact) await unsetOtherMainContacts(tx, input.institutionId);
  const values = {
    institutionId: input.institutionId,
    name: input.name,
    nip: input.nip ?? null,
    position: input.position ?? null,
    prFunctionalLevel: input.prFunctionalLevel ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    isMainContact: input.isMainContact ?? false,
  };
  const [row] = await tx.db
    .insert(officers)
    .values({ ...values, searchText: officerSearchText(values) })
    .returning();
  return row!;
}

export async function createOfficer(ctx: Ctx, input: CreateOfficerInput): Promise<Officer> {
  authorize(ctx.actor, 'officer.write');
  const institutionId = input.institutionId ?? (ctx.actor.role === 'member' ? ctx.actor.institutionId : null);
  if (!institutionId) throw new ValidationError('Pilih lembaga petugas humas', { institutionId: 'Lembaga wajib dipilih' });
  authorize(ctx.actor, 'officer.write', { institutionId });
  return inTransaction(ctx, async (tx) => {
    await assertInstitution(tx, institutionId);
    await assertUniquePerson(tx, input);
    const row = await insertOfficer(tx, { ...input, institutionId });
    await audit(tx, { action: 'officer.create', entityType: 'officer', entityId: row.id, after: row });
    return readOfficer(tx, row.id);
  });
}

export async function updateOfficer(ctx: Ctx, id: string, input: UpdateOfficerInput): Promise<Officer> {
  authorize(ctx.actor, 'officer.write');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(officers).where(eq(officers.id, id)).for('update');
    if (!before) throw new NotFoundError('Petugas humas tidak ditemukan');
    authorize(ctx.actor, 'officer.write', { institutionId: before.institutionId });
    const { version, ...changes } = input;
    assertVersion(before.version, version);
    const moving = changes.institutionId !== undefined && changes.institutionId !== before.institutionId;
    if (moving) {
      authorize(ctx.actor, 'officer.write', { institutionId: changes.institutionId });
      await assertInstitution(tx, changes.institutionId!);
      // A main contact of the old institution is not automatically the new one's.
      if (changes.isMainContact === undefined) changes.isMainContact = false;
    }
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as OfficerRow;
    if (merged.isMainContact && !merged.active) {
      throw new ValidationError('Petugas nonaktif tidak dapat menjadi kontak utama', { isMainContact: 'Aktifkan petugas terlebih dahulu' });
    }
    await assertUniquePerson(tx, { email: changes.email, nip: changes.nip }, id);
    if (merged.isMainContact && (!before.isMainContact || moving)) await unsetOtherMainContacts(tx, merged.institutionId, id);
    const [after] = await tx.db
      .update(officers)
      .set({ ...changes, searchText: officerSearchText(merged), version: before.version + 1, updatedAt: new Date() })
      .where(eq(officers.id, id))
      .returning();
    await audit(tx, { action: 'officer.update', entityType: 'officer', entityId: id, before, after });
    return readOfficer(tx, id);
  });
}

/** Deactivates or reactivates an officer (never deleted: invitations and attendance refer to them). */
export async function setOfficerActive(ctx: Ctx, id: string, active: boolean, version: number): Promise<Officer> {
  authorize(ctx.actor, 'officer.write');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(officers).where(eq(officers.id, id)).for('update');
    if (!before) throw new NotFoundError('Petugas humas tidak ditemukan');
    authorize(ctx.actor, 'officer.write', { institutionId: before.institutionId });
    assertVersion(before.version, version);
    if (before.active === active) return readOfficer(tx, id);
    // An inactive officer cannot stay the institution's main contact.
    const [after] = await tx.db
      .update(officers)
      .set({ active, isMainContact: active ? before.isMainContact : false, version: before.version + 1, updatedAt: new Date() })
      .where(eq(officers.id, id))
      .returning();
    await audit(tx, { action: active ? 'officer.activate' : 'officer.deactivate', entityType: 'officer', entityId: id, before, after });
    return readOfficer(tx, id);
  });
}
