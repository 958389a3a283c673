import { Feed } from 'feed';
import type { Db } from '../../db/client';
import { releases } from '../../db/schema/releases';
import { loadPublicImages } from '../../modules/releases/media';
import { inArray } from 'drizzle-orm';
import { organiser } from '../texts';
import { type ListFilter, listReleases, type ReleaseCard } from './data';
import { categoryName } from './templates';

export type FeedFormat = 'rss' | 'atom' | 'json';
export const feedFiles: Record<FeedFormat, { file: string; type: string }> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml; charset=utf-8' },
  atom: { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
  json: { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
};

/** How many releases a feed holds: the newest 50. */
export const feedSize = 50;

/**
 * A feed of the newest public releases (the whole portal, one institution or one category) with the `feed` package.
 * Ids and links are absolute (PUBLIC_URL + the release's path), so a reader keeps them when the feed moves. JSON Feed
 * is written as version 1.1 (the package writes 1.0: `authors` and `language` are added, `version` raised).
 */
export async function renderFeed(
  db: Db,
  opts: { format: FeedFormat; filter: ListFilter; title: string; path: string; baseUrl: string },
): Promise<{ body: string; lastModified: Date }> {
  const { items } = await listReleases(db, opts.filter, { limit: feedSize });
  const [images, bodies] = await Promise.all([
    loadPublicImages(
      db,
      items.map((i) => i.id),
    ),
    loadBodies(
      db,
      items.map((i) => i.id),
      opts.baseUrl,
    ),
  ]);
  const base = opts.baseUrl;
  const updated = new Date(Math.max(0, ...items.map((i) => i.updatedAt.getTime())) || Date.now());
  const feed = new Feed({
    title: opts.title,
    description: `${opts.title}: siaran pers dan berita lembaga anggota Forum Koordinasi Kehumasan Provinsi Sumatera Barat.`,
    id: `${base}${opts.path || '/'}`,
    link: `${base}${opts.path || '/'}`,
    language: 'id',
    updated,
    generator: 'Simpul',
    favicon: `${base}/favicon.svg`,
    copyright: `© ${organiser}`,
    author: { name: organiser, link: base },
    feedLinks: {
      rss: `${base}${opts.path}/feed.xml`,
      atom: `${base}${opts.path}/atom.xml`,
      json: `${base}${opts.path}/feed.json`,
    },
  });
  for (const item of items) {
    const cover = images.get(item.id)?.[0];
    const link = `${base}${item.path}`;
    feed.addItem({
      title: item.title,
      id: link,
      guid: link,
      link,
      description: item.summary || undefined,
      content: bodies.get(item.id),
      date: item.updatedAt > item.publishAt ? item.updatedAt : item.publishAt,
      published: item.publishAt,
      author: [{ name: item.institution.name, link: base }],
      category: [{ name: categoryName(item.category), term: item.category }, ...item.tags.map((t) => ({ name: t }))],
      image: cover ? { url: `${base}${cover.src}`, type: cover.src.endsWith('.png') ? 'image/png' : 'image/jpeg' } : undefined,
    });
  }
  const body = opts.format === 'rss' ? feed.rss2() : opts.format === 'atom' ? feed.atom1() : jsonFeed11(feed.json1(), items, base);
  return { body, lastModified: updated };
}

async function loadBodies(db: Db, ids: string[], base: string): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: releases.id, body: releases.body }).from(releases).where(inArray(releases.id, ids));
  // Relative links in the sanitised body (images from /media/rilis/) become absolute for feed readers.
  return new Map(rows.map((r) => [r.id, r.body.replace(/(\s(?:src|href)=")\//g, `$1${base}/`)]));
}

function jsonFeed11(json: string, items: ReleaseCard[], base: string): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[]; author?: unknown };
  feed.version = 'https://jsonfeed.org/version/1.1';
  feed.language = 'id';
  if (feed.author) feed.authors = [feed.author];
  delete feed.author;
  feed.items = feed.items.map((item, i) => {
    const { author, ...rest } = item;
    return { ...rest, ...(author ? { authors: [author] } : {}), language: 'id', external_url: undefined, id: `${base}${items[i]!.path}` };
  });
  return JSON.stringify(feed);
}
