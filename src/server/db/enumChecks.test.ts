import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/testDatabase';
import type { Database } from './client';

/** The database itself refuses a status, role or category the shared schemas do not know, whoever writes it. */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const rowsOf = async (statement: ReturnType<typeof sql>) =>
  ((await database.db.execute(statement)) as unknown as { rows: { id: string }[] }).rows;

const refused = async (statement: ReturnType<typeof sql>) => {
  const error = await database.db.execute(statement).then(
    () => null,
    (e: unknown) => e as { cause?: { code?: string }; code?: string },
  );
  expect(error, 'the write should have been refused').not.toBeNull();
  expect(error!.cause?.code ?? error!.code).toBe('23514');
};

describe('enumerations in the database', () => {
  it('refuses an unknown activity status, committee role and speaker status', async () => {
    await refused(
      sql`insert into activities (title, fiscal_year, org_unit, status, officer_in_charge, kak) values ('X', 2027, 'Biro', 'archived', '{}', '{}')`,
    );
    const [row] = await rowsOf(
      sql`insert into activities (title, fiscal_year, org_unit, officer_in_charge, kak) values ('X', 2027, 'Biro', '{}', '{}') returning id`,
    );
    await refused(sql`update activities set status = 'Approved' where id = ${row!.id}`);
    await refused(sql`insert into committee_members (activity_id, role, name) values (${row!.id}, 'bendahara', 'X')`);
    await refused(sql`insert into speakers (activity_id, name, status) values (${row!.id}, 'X', 'maybe')`);
  });

  it('refuses an unknown user role, institution category and functional level; allows no level at all', async () => {
    await refused(sql`insert into users (email, name, role) values ('x@example.org', 'X', 'superuser')`);
    await refused(sql`insert into institutions (name, category, search_text) values ('X', 'ngo', 'x')`);
    const [inst] = await rowsOf(
      sql`insert into institutions (name, category, search_text) values ('Lembaga Uji Enum', 'bumd', 'x') returning id`,
    );
    await refused(
      sql`insert into officers (institution_id, name, pr_functional_level, search_text) values (${inst!.id}, 'X', 'ahli_super', 'x')`,
    );
    await database.db.execute(
      sql`insert into officers (institution_id, name, pr_functional_level, search_text) values (${inst!.id}, 'Y', null, 'y')`,
    );
  });
});
