import type { Db } from '../db/client';
import { seedReferenceInstitutions } from './referenceInstitutions';
import { seedDemoOfficers } from './demoOfficers';
import { seedDemoActivity } from './demoActivity';
import { seedDemoReleases } from './demoReleases';
import { seedDemoMeeting } from './demoMeeting';
import { seedDemoOutcomes } from './demoOutcomes';
import { seedDemoMinutes } from './demoMinutes';
import { seedDemoMaterials } from './demoMaterials';
import { seedDemoForum } from './demoForum';
import { seedDemoSurvey } from './demoSurvey';

/**
 * Reference data every installation needs (regencies and cities, BUMD, universities, ...).
 * Idempotent: rows that exist are left as they are.
 */
export async function seedReference(db: Db): Promise<void> {
  await seedReferenceInstitutions(db);
}

/** Fictional officers and the 2019 reference activity, for the demo. Runs once on an empty database. */
export async function seedDemo(db: Db): Promise<void> {
  await seedReference(db);
  await seedDemoOfficers(db);
  await seedDemoReleases(db);
  const activity = await seedDemoActivity(db);
  const meeting = await seedDemoMeeting(db, activity.id);
  await seedDemoOutcomes(db, meeting.id);
  await seedDemoSurvey(db, meeting.id);
  await seedDemoMinutes(db, meeting.id);
  await seedDemoMaterials(db, meeting.id);
  await seedDemoForum(db);
}
