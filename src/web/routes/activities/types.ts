import { call, client } from '../../api';
import type {
  ActivityStatus,
  ActivitySummary,
  ActivityView,
  BudgetLine,
  CommitteeMember,
  Issue,
  Speaker,
} from '../../../shared/schemas/activities';

/** The activity as the API answers it, with what the user `can` do with it now (the server decides). */
type ActivityDetail = ActivityView;

export type { ActivityDetail, ActivityStatus, ActivitySummary, BudgetLine, CommitteeMember, Issue, Speaker };

export const activityKey = (id: string) => ['activity', id] as const;
export const activitiesListKey = ['activities'] as const;

export const statusColors: Record<ActivityStatus, string> = {
  draft: 'gray',
  approved: 'blue',
  running: 'orange',
  done: 'teal',
};

export const scheduleStatusColors = {
  planned: 'var(--mantine-color-blue-4)',
  in_progress: 'var(--mantine-color-orange-5)',
  done: 'var(--mantine-color-teal-6)',
} as const;

/** An issue belongs to a panel when its path is one of the panel's prefixes or lies below one ("kak.schedule.2.endMonth"). */
export function issuesUnder(issues: readonly Issue[], prefixes: readonly string[]): Issue[] {
  return issues.filter((i) => prefixes.some((p) => i.path === p || i.path.startsWith(`${p}.`)));
}

/** Panels of the activity page: anchor id and the issue paths each one shows. */
export const panels = [
  { id: 'general', prefixes: ['title', 'orgUnit', 'officerInCharge', 'signPlace', 'signDate', 'fiscalYear'] },
  { id: 'section-a', prefixes: ['kak.background'] },
  { id: 'section-b', prefixes: ['kak.intent', 'kak.objectives'] },
  { id: 'section-c', prefixes: ['kak.legalBases'] },
  { id: 'section-d', prefixes: ['kak.method', 'kak.participants'] },
  { id: 'schedule', prefixes: ['kak.schedule', 'kak.scheduleIntro'] },
  { id: 'section-e', prefixes: ['kak.locations'] },
  { id: 'section-f', prefixes: ['kak.outputs'] },
  { id: 'section-g', prefixes: ['kak.funding'] },
  { id: 'budget', prefixes: ['budgetLines'] },
  { id: 'committee', prefixes: ['committee', 'committeeDecree'] },
  { id: 'speakers', prefixes: ['speakers'] },
] as const;
export type PanelId = (typeof panels)[number]['id'];

export function panelOf(path: string): PanelId | null {
  return panels.find((p) => issuesUnder([{ code: '', message: '', path }], p.prefixes).length)?.id ?? null;
}

export const prefixesOf = (id: PanelId) => panels.find((p) => p.id === id)!.prefixes;

/** "YYYY-MM-DD" or '' -> null, for optional date/text fields sent to the server. */
export const orNull = <T>(v: T | '' | undefined): T | null => (v === '' || v === undefined ? null : v);

export const activityQuery = (id: string) => ({
  queryKey: activityKey(id),
  // openapi-fetch's answer type turns tuples (the quarters of the funding plan) into arrays: the shared type keeps them.
  queryFn: () => call(client.GET('/api/activities/{id}', { params: { path: { id } } })) as Promise<ActivityDetail>,
});
