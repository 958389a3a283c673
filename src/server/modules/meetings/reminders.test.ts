import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFor, type TestApp } from '../../../../test/helpers/testApp';
import { buildActivityInput } from '../../../../test/builders/activity';
import { institutions, mailOutbox, meetingInvitations } from '../../db/schema/index';
import { searchTextOf } from '../../../shared/text';
import { jakartaIsoDate } from '../../../shared/dates';
import { sendDueReminders } from './reminders';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('automatic reminder', () => {
  it('goes once, N days before, to invitees that have not answered, with a fresh link', async () => {
    const { session: s } = await sessionFor(t, 'committee');
    const now = new Date();
    const year = Number(jakartaIsoDate(new Date(now.getTime() + 2 * 86_400_000)).slice(0, 4));
    const activity = (await s.request('POST', '/api/activities', buildActivityInput({ fiscalYear: year }))).json();
    const mk = async (name: string) =>
      (
        await t.database.db
          .insert(institutions)
          .values({
            name,
            category: 'regency_city',
            email: `${searchTextOf(name).replace(/\W+/g, '')}@x.test`,
            searchText: searchTextOf(name),
          })
          .returning()
      )[0]!.id;
    const [quiet, answered] = [await mk('Pemerintah Kabupaten Diam'), await mk('Pemerintah Kabupaten Jawab')];
    const startDate = jakartaIsoDate(new Date(now.getTime() + 2 * 86_400_000));
    const m = (
      await s.request('POST', '/api/meetings', {
        activityId: activity.id,
        title: 'Rapat Pengingat',
        startDate,
        startTime: '08:00',
        endTime: '12:00',
        venue: 'Aula',
        reminderDaysBefore: 3,
      })
    ).json();
    const add = (
      await s.request('POST', `/api/meetings/${m.id}/invitations`, { version: m.version, institutionIds: [quiet, answered] })
    ).json();
    const sent = (await s.request('POST', `/api/meetings/${m.id}/send`, { version: add.meetingVersion })).json();
    const token = sent.queued.find((q: { institutionName: string }) => q.institutionName.includes('Jawab')).rsvpUrl.split('/rsvp/')[1];
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/rsvp/${token}`, payload: { answer: 'decline', reason: 'Ada tugas lain' } }))
        .statusCode,
    ).toBe(200);

    const first = await sendDueReminders({ db: t.database.db, config: t.config, mailer: { send: async () => {} } }, now);
    expect(first.reminded).toBe(1);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Pengingat: Undangan Rapat Pengingat'));
    expect(mails.map((x) => x.to)).toEqual(['pemerintahkabupatendiam@x.test']);
    const [inv] = await t.database.db.select().from(meetingInvitations).where(eq(meetingInvitations.institutionId, quiet));
    expect(inv!.remindedAt).not.toBeNull();
    expect((await sendDueReminders({ db: t.database.db, config: t.config, mailer: { send: async () => {} } }, now)).reminded).toBe(0);
  });
});
