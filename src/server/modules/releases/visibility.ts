import { and, asc, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { releases } from '../../db/schema/index';
import { jakartaDateParts } from '../../../shared/dates';

/**
 * THE definition of a publicly visible release, for every public reader (portal pages, feeds, sitemaps, search,
 * media): published or scheduled, and its publication (embargo) time has come. A scheduled release counts as soon
 * as its time passes, whether or not the embargo job has run yet; unpublished, drafts and the review statuses never.
 */
export const publicStatuses = ['published', 'scheduled'] as const;

export const publicReleaseCondition: SQL = and(inArray(releases.status, [...publicStatuses]), lte(releases.publishAt, sql`now()`))!;

/** The same condition as raw SQL text for hand-written queries: `publicReleaseSql('r')` -> `r.status in (...) and r.publish_at <= now()`. */
export function publicReleaseSql(alias = 'releases'): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`publicReleaseSql: bad alias ${alias}`);
  return `${alias}.status in ('published', 'scheduled') and ${alias}.publish_at <= now()`;
}

/** The same rule for a row already read (e.g. before answering a media file). */
export function isPubliclyVisible(row: { status: string; publishAt: Date | null }, now: Date = new Date()): boolean {
  return (publicStatuses as readonly string[]).includes(row.status) && !!row.publishAt && row.publishAt.getTime() <= now.getTime();
}

/**
 * The public path of a release: `/rilis/YYYY/MM/<slug>`, year and month (WIB) of its first publication (or of its
 * planned publication while scheduled). Null while it has never had a publication time.
 */
export function releasePath(row: { slug: string; firstPublishedAt: Date | null; publishAt?: Date | null }): string | null {
  const at = row.firstPublishedAt ?? row.publishAt ?? null;
  if (!at) return null;
  const { year, month } = jakartaDateParts(at);
  return `/rilis/${year}/${String(month).padStart(2, '0')}/${row.slug}`;
}

/** The earliest embargo still ahead (a scheduled release not yet public), so a cache can expire no later than it. */
export async function nextEmbargoAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: releases.publishAt })
    .from(releases)
    .where(and(inArray(releases.status, ['scheduled']), gt(releases.publishAt, sql`now()`)))
    .orderBy(asc(releases.publishAt))
    .limit(1);
  return row?.at ?? null;
}
