import { kakSchema, type KakInput } from '../../src/shared/kak';
import type { CreateActivityInput } from '../../src/shared/schemas/activities';
import { reference2019 } from '../../src/server/seed/reference2019';

/** A complete, valid activity (the 2019 reference KAK) to start tests from; override what the test is about. */
export function buildActivityInput(overrides: Partial<CreateActivityInput> & { kak?: Partial<KakInput> } = {}): CreateActivityInput {
  const { kak, ...rest } = overrides;
  return {
    title: reference2019.title,
    fiscalYear: reference2019.fiscalYear,
    orgUnit: reference2019.orgUnit,
    officerInCharge: { ...reference2019.officerInCharge },
    signPlace: reference2019.signPlace,
    signDate: reference2019.signDate,
    ...rest,
    kak: kakSchema.parse({ ...structuredClone(reference2019.kak), ...kak }),
  };
}

/** A budget line whose whole amount falls in one quarter. */
export function buildBudgetLine(
  o: { accountCode?: string; description?: string; volume?: number; unit?: string; unitPrice?: number; quarter?: 1 | 2 | 3 | 4 } = {},
) {
  const volume = o.volume ?? 1;
  const unitPrice = o.unitPrice ?? 1_000_000;
  const quarterPlan: [number, number, number, number] = [0, 0, 0, 0];
  quarterPlan[(o.quarter ?? 1) - 1] = Math.round(volume * unitPrice);
  return {
    accountCode: o.accountCode ?? '5.1.02.02.01.0003',
    description: o.description ?? 'Honorarium narasumber',
    volume,
    unit: o.unit ?? 'OJ',
    unitPrice,
    quarterPlan,
  };
}
