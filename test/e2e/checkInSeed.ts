/**
 * Prepares the data folder of the check-in browser tests' own server: migrates a fresh embedded database and
 * writes a committee member who runs a meeting with registered delegates (tokens known to the test).
 * Usage: tsx test/e2e/checkInSeed.ts <dataDir>  -> prints the fixture as JSON on the last line.
 */
import { migrate, openDatabase } from '../../src/server/db/client';
import { users } from '../../src/server/db/schema/auth';
import { hashPassword } from '../../src/server/core/passwords';
import { seedCheckInMeeting } from '../helpers/checkInFixture';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('data folder missing');
const database = await openDatabase({ dataDir });
await migrate(database);
const password = 'rahasia-checkin-12345';
const [user] = await database.db
  .insert(users)
  .values({ email: 'rina.panitia@example.org', name: 'Rina', role: 'committee', passwordHash: await hashPassword(password) })
  .returning();
const fx = await seedCheckInMeeting(database.db, { managerIds: [user!.id], people: 9, title: 'Rapat Koordinasi Kehumasan 2026' });
await database.close();
console.log(JSON.stringify({ ...fx, email: user!.email, password }));
