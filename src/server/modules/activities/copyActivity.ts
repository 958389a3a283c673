import { activities, budgetLines, committeeMembers, speakers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { loadAuthorized } from '../../core/aggregate';
import { activityRoot } from './activityRoot';
import { getActivity } from './getActivity';
import { kakWithFiscalYear, replaceTitleYear } from '../../../shared/fiscalYears';
import type { Kak } from '../../../shared/kak';
import type { ActivityView } from '../../../shared/schemas/activities';
import { loadActivityDetail } from './present';

/** "2019-02-28" moved to 2027 -> "2027-02-28"; 29 February becomes 28 February in a year without it. Also "2019-01" -> "2027-01". */
export function moveDate(value: string, toYear: number): string {
  let rest = value.slice(4);
  const leap = (toYear % 4 === 0 && toYear % 100 !== 0) || toYear % 400 === 0;
  if (rest === '-02-29' && !leap) rest = '-02-28';
  return `${String(toYear).padStart(4, '0')}${rest}`;
}

/** A date moved by the years between the original's fiscal year and the copy's. */
const shiftDate = (value: string, delta: number) => moveDate(value, Number(value.slice(0, 4)) + delta);

/** "2019-02-28" -> "2020-02-28" (moveDate to the next year). */
export function nextYearDate(value: string): string {
  return shiftDate(value, 1);
}

/** Replaces the fiscal year where it stands alone in the title ("Rakor Humas 2019" -> "Rakor Humas 2027"); periods stay. */
export function titleForYear(title: string, from: number, to: number): string {
  return replaceTitleYear(title, from, to);
}

/**
 * The KAK for another fiscal year: dates moved by as many years, steps planned again, and the year replaced where
 * it stands for the fiscal year ("Tahun Anggaran 2019", "TA 2019", "APBD ... Tahun 2019"; shared/fiscalYears.ts).
 * Other years (legal citations, periods, "tahun 2019" in running text) stay; the checks warn about those that differ.
 */
export function kakForYear(kak: Kak, from: number, to: number): Kak {
  const copy = kakWithFiscalYear(structuredClone(kak), from, to);
  const delta = to - from;
  copy.schedule = copy.schedule.map((s) => ({
    ...s,
    status: 'planned',
    startDate: s.startDate ? shiftDate(s.startDate, delta) : s.startDate,
    endDate: s.endDate ? shiftDate(s.endDate, delta) : s.endDate,
  }));
  return copy;
}

// Rows inserted in one transaction share now(); distinct times keep the original's order.
const inOrder = (base: number, i: number) => new Date(base + i);

/**
 * Starts another year's activity from this one (next year unless `fiscalYear` says which): a new draft with its own
 * copies of the KAK, budget lines, committee (without the decree) and speakers (back to candidates), the year
 * replaced where it stands for the fiscal year. Nothing is shared with the original.
 */
export async function copyActivity(ctx: Ctx, id: string, input: { fiscalYear?: number } = {}): Promise<ActivityView> {
  await loadAuthorized(ctx, activityRoot, id, 'activity.copy');
  const newId = await inTransaction(ctx, async (tx) => {
    const src = await loadActivityDetail(tx.db, id);
    const year = input.fiscalYear ?? src.fiscalYear + 1;
    if (year > 2100)
      throw new ValidationError('Tahun anggaran hasil salinan melewati 2100', { fiscalYear: 'Tahun anggaran harus 2000-2100' });
    const [row] = await tx.db
      .insert(activities)
      .values({
        title: titleForYear(src.title, src.fiscalYear, year),
        fiscalYear: year,
        orgUnit: src.orgUnit,
        status: 'draft',
        officerInCharge: structuredClone(src.officerInCharge),
        kak: kakForYear(src.kak, src.fiscalYear, year),
        committeeDecree: null,
        signPlace: src.signPlace,
        signDate: src.signDate ? shiftDate(src.signDate, year - src.fiscalYear) : null,
        copiedFromId: src.id,
      })
      .returning({ id: activities.id });
    const activityId = row!.id;
    const lineIds = new Map<string, string>();
    const base = Date.now();
    for (const l of src.budgetLines) {
      const [copy] = await tx.db
        .insert(budgetLines)
        .values({
          activityId,
          position: l.position,
          accountCode: l.accountCode,
          description: l.description,
          volume: l.volume.toFixed(2),
          unit: l.unit,
          unitPrice: l.unitPrice,
          amount: l.amount,
          quarterPlan: [...l.quarterPlan],
        })
        .returning({ id: budgetLines.id });
      lineIds.set(l.id, copy!.id);
    }
    if (src.committee.length) {
      await tx.db.insert(committeeMembers).values(
        src.committee.map((m, i) => ({
          activityId,
          role: m.role,
          name: m.name,
          position: m.position,
          nip: m.nip,
          createdAt: inOrder(base, i),
        })),
      );
    }
    if (src.speakers.length) {
      await tx.db.insert(speakers).values(
        src.speakers.map((s, i) => ({
          activityId,
          createdAt: inOrder(base, i),
          name: s.name,
          institution: s.institution,
          expertise: s.expertise,
          topic: s.topic,
          status: 'candidate',
          fee: s.fee ?? 0,
          budgetLineId: s.budgetLineId ? (lineIds.get(s.budgetLineId) ?? null) : null,
          userId: s.userId,
        })),
      );
    }
    await audit(tx, {
      action: 'activity.copy',
      entityType: 'activity',
      entityId: activityId,
      after: { copiedFromId: src.id, fromFiscalYear: src.fiscalYear, fiscalYear: year },
    });
    return activityId;
  });
  return getActivity(ctx, newId);
}
