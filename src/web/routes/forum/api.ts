import type { Ability } from '../../session';
import type { Answer, Item } from '../../api';

/** The forum's rows as the server answers them (typed from the OpenAPI document: `npm run api:types`). */
export type TopicSummary = Item<'/api/forum/topics'>;
export type SearchHit = Item<'/api/forum/search'>;
export type TopicDetail = Answer<'/api/forum/topics/{id}', 'get'>;
export type ForumReply = Item<'/api/forum/topics/{id}/replies'>;
export type ForumCategory = Item<'/api/forum/categories'>;
export type Attachment = TopicDetail['attachments'][number];
export type Overview = Answer<'/api/forum/overview', 'get'>;
export type FollowMode = 'immediate' | 'digest' | 'none';

/** The forum's policy actions (`abilities` of GET /api/auth/me; src/server/core/policy.ts). */
export const forumAbility = {
  read: 'forum.read',
  post: 'forum.post',
  moderate: 'forum.moderate',
  categories: 'forum.categories',
} as const satisfies Record<string, Ability>;

export const forumKeys = {
  all: ['forum'] as const,
  list: (query: object) => ['forum', 'list', query] as const,
  topic: (id: string) => ['forum', 'topic', id] as const,
  replies: (id: string) => ['forum', 'replies', id] as const,
  categories: ['forum', 'categories'] as const,
  overview: ['forum', 'overview'] as const,
};
