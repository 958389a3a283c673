import { activities, budgetLines, committeeMembers, speakers } from '../../db/schema/index';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { loadAuthorized } from '../../core/aggregate';
import { activityRoot } from './activityRoot';
import { getActivity } from './getActivity';
import type { Kak } from '../../../shared/kak';
import type { ActivityView } from '../../../shared/schemas/activities';
import { loadActivityDetail } from './present';

/** "2019-02-28" -> "2020-02-28"; 29 February becomes 28 February in a year without it. Also "2019-01" -> "2020-01". */
export function nextYearDate(value: string): string {
  const year = Number(value.slice(0, 4)) + 1;
  let rest = value.slice(4);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (rest === '-02-29' && !leap) rest = '-02-28';
  return `${year}${rest}`;
}

/** Replaces the fiscal year where it stands as a 4-digit number ("Rakor Humas 2019" -> "Rakor Humas 2020"). */
export function nextYearTitle(title: string, year: number): string {
  return title.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), String(year + 1));
}

/** The KAK for the next year: dates a year later, steps planned again, "Tahun Anggaran 2019" -> 2020. */
export function nextYearKak(kak: Kak, year: number): Kak {
  const copy = structuredClone(kak);
  const budgetYear = new RegExp(`(Tahun Anggaran\\s+)${year}(?!\\d)`, 'gi');
  copy.legalBases = copy.legalBases.map((b) => ({
    ...b,
    text: b.text.replace(budgetYear, `$1${year + 1}`),
    ...(b.title !== undefined ? { title: b.title.replace(budgetYear, `$1${year + 1}`) } : {}),
  }));
  copy.schedule = copy.schedule.map((s) => ({
    ...s,
    status: 'planned',
    startDate: s.startDate ? nextYearDate(s.startDate) : s.startDate,
    endDate: s.endDate ? nextYearDate(s.endDate) : s.endDate,
  }));
  return copy;
}

// Rows inserted in one transaction share now(); distinct times keep the original's order.
const inOrder = (base: number, i: number) => new Date(base + i);

/**
 * Starts next year's activity from this one: a new draft with its own copies of the KAK, budget lines,
 * committee (without the decree) and speakers (back to candidates). Nothing is shared with the original.
 */
export async function copyActivity(ctx: Ctx, id: string): Promise<ActivityView> {
  await loadAuthorized(ctx, activityRoot, id, 'activity.copy');
  const newId = await inTransaction(ctx, async (tx) => {
    const src = await loadActivityDetail(tx.db, id);
    const year = src.fiscalYear + 1;
    if (year > 2100) throw new ValidationError('Tahun anggaran hasil salinan melewati 2100');
    const [row] = await tx.db
      .insert(activities)
      .values({
        title: nextYearTitle(src.title, src.fiscalYear),
        fiscalYear: year,
        orgUnit: src.orgUnit,
        status: 'draft',
        officerInCharge: structuredClone(src.officerInCharge),
        kak: nextYearKak(src.kak, src.fiscalYear),
        committeeDecree: null,
        signPlace: src.signPlace,
        signDate: src.signDate ? nextYearDate(src.signDate) : null,
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
        src.committee.map((m, i) => ({ activityId, role: m.role, name: m.name, position: m.position, nip: m.nip, createdAt: inOrder(base, i) })),
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
        })),
      );
    }
    await audit(tx, { action: 'activity.copy', entityType: 'activity', entityId: activityId, after: { copiedFromId: src.id, fiscalYear: year } });
    return activityId;
  });
  return getActivity(ctx, newId);
}
