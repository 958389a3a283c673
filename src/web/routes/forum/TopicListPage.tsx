import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useForumT } from './i18n';
import { useSession } from '../../session';
import { forumAbility, forumKeys, type FollowMode, type ForumCategory, type SearchHit, type TopicSummary } from './api';
import { topicStatuses } from './model';
import { Byline, StatusBadge, TopicFlags } from './parts';
import { Highlighted } from './Highlighted';

const filterNames = ['q', 'categoryId', 'status', 'institutionId', 'from', 'to'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

/** The list's filters live in the URL (a filtered list can be bookmarked or shared; "back" restores it). */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Filters;
  const update = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    const p = new URLSearchParams();
    for (const n of filterNames) if (next[n]) p.set(n, next[n]);
    setParams(p, { replace: true });
  };
  return { filters, update };
}

/** The search box pushes its text to the URL after a pause; a URL changed from outside refills the box. */
function useSearchText(q: string, push: (q: string) => void) {
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text, 350);
  const pushed = useRef(q);
  useEffect(() => {
    const next = debounced.trim();
    if (next === pushed.current) return;
    pushed.current = next;
    push(next);
  }, [debounced]);
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);
  return [text, setText] as const;
}

type Row = { kind: 'topic'; key: string; topic: TopicSummary } | { kind: 'hit'; key: string; hit: SearchHit };

/** Topic list with full-text search (highlighted snippets), filters and keyset "load more". */
export function TopicListPage() {
  const t = useForumT();
  const f = t.forum;
  const lang = useLang();
  const { can } = useSession();
  const { filters, update } = useFilters();
  const [text, setText] = useSearchText(filters.q, (q) => update({ q }));
  const searching = filters.q !== '';
  // On a phone the five filters would push the topics below the fold: they fold behind a button.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = filterNames.filter((n) => n !== 'q' && filters[n]).length;

  const categories = useQuery({
    queryKey: forumKeys.categories,
    queryFn: () => call(client.GET('/api/forum/categories')),
    staleTime: 60_000,
  });

  const query = {
    categoryId: filters.categoryId || undefined,
    status: (filters.status || undefined) as (typeof topicStatuses)[number] | undefined,
    institutionId: filters.institutionId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
  const list = useInfiniteQuery({
    queryKey: forumKeys.list({ ...query, q: filters.q }),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }): Promise<{ rows: Row[]; nextCursor: string | null }> => {
      if (searching) {
        const r = await call(client.GET('/api/forum/search', { params: { query: { ...query, q: filters.q, cursor: pageParam } } }));
        return {
          rows: r.items.map((hit) => ({ kind: 'hit', key: `${hit.topicId}:${hit.replyId ?? ''}`, hit })),
          nextCursor: r.nextCursor,
        };
      }
      const r = await call(client.GET('/api/forum/topics', { params: { query: { ...query, cursor: pageParam } } }));
      return { rows: r.items.map((topic) => ({ kind: 'topic', key: topic.id, topic })), nextCursor: r.nextCursor };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const filtered = filterNames.some((n) => filters[n]);
  const category = categories.data?.items.find((c) => c.id === filters.categoryId);

  return (
    <>
      <PageHeader
        title={f.title}
        description={f.description}
        actions={
          <>
            {can(forumAbility.moderate) ? (
              <Button component={Link} to="/forum/overview" variant="default">
                {f.navOverview}
              </Button>
            ) : null}
            {can(forumAbility.post) ? (
              <Button component={Link} to="/forum/new">
                {f.newTopic}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="sm" mb="md" component="section" aria-label={f.filters}>
        <TextInput
          type="search"
          label={f.search}
          placeholder={f.searchPlaceholder}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {phone ? (
          <Group>
            <Button
              variant="default"
              size="compact-md"
              aria-expanded={filtersOpen}
              aria-controls="forum-filters"
              onClick={() => setFiltersOpen((o) => !o)}
            >
              {activeFilters ? `${f.filters} (${activeFilters})` : f.filters}
            </Button>
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" id="forum-filters" display={phone && !filtersOpen ? 'none' : undefined}>
          <Select
            label={f.category}
            placeholder={f.allCategories}
            clearable
            data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={filters.categoryId || null}
            onChange={(v) => update({ categoryId: v ?? '' })}
          />
          <Select
            label={f.status}
            placeholder={f.allStatuses}
            clearable
            data={topicStatuses.map((s) => ({ value: s, label: f.statuses[s] ?? s }))}
            value={filters.status || null}
            onChange={(v) => update({ status: v ?? '' })}
          />
          <InstitutionSelect
            label={f.institution}
            placeholder={f.allInstitutions}
            value={filters.institutionId || null}
            onChange={(v) => update({ institutionId: v ?? '' })}
          />
          <TextInput type="date" label={f.dateFrom} value={filters.from} onChange={(e) => update({ from: e.currentTarget.value })} />
          <TextInput type="date" label={f.dateTo} value={filters.to} onChange={(e) => update({ to: e.currentTarget.value })} />
        </SimpleGrid>
        {category ? <CategoryFollow category={category} /> : null}
        {filtered ? (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setText('');
                update({ q: '', categoryId: '', status: '', institutionId: '', from: '', to: '' });
              }}
            >
              {f.resetFilters}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ErrorAlert error={list.error} />
      {list.data && rows.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {searching ? f.emptySearch(filters.q) : f.empty}
        </Text>
      ) : null}
      <Stack gap="sm" aria-busy={list.isFetching && !list.isFetchingNextPage} data-testid="forum-list">
        {rows.map((row) => (row.kind === 'topic' ? <TopicRow key={row.key} topic={row.topic} /> : <HitRow key={row.key} hit={row.hit} />))}
      </Stack>
      {rows.length ? (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {f.shown(formatNumber(rows.length, lang))}
          </Text>
          {list.hasNextPage ? (
            <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {f.loadMore}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {f.endOfList}
            </Text>
          )}
        </Group>
      ) : null}
    </>
  );
}

function TopicRow({ topic }: { topic: TopicSummary }) {
  const t = useForumT();
  const lang = useLang();
  const f = t.forum;
  return (
    <Card withBorder padding="sm" component="article" data-testid="topic-row">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={3} size="h5" fw={600} style={{ wordBreak: 'break-word' }}>
          <Anchor component={Link} to={`/forum/topics/${topic.id}`} inherit>
            {topic.title}
          </Anchor>
        </Title>
        <StatusBadge status={topic.status} />
      </Group>
      <Group gap={6} mt={4}>
        <Text size="sm">{topic.category.name}</Text>
        <TopicFlags type={topic.type} locked={topic.locked} hidden={topic.hidden} />
      </Group>
      {topic.excerpt ? (
        <Text size="sm" mt={4} lineClamp={2}>
          {topic.excerpt}
        </Text>
      ) : null}
      <Group justify="space-between" mt={6} gap="xs">
        <Byline name={topic.author.name} institution={topic.institution} extra={formatDate(topic.lastActivityAt, lang)} />
        <Text size="sm" fw={500}>
          {f.votes(formatNumber(topic.voteCount, lang))} · {f.replies(formatNumber(topic.replyCount, lang))}
        </Text>
      </Group>
    </Card>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  const t = useForumT();
  const lang = useLang();
  const f = t.forum;
  const to = hit.replyId ? `/forum/topics/${hit.topicId}#reply-${hit.replyId}` : `/forum/topics/${hit.topicId}`;
  return (
    <Card withBorder padding="sm" component="article" data-testid="search-hit">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={3} size="h5" fw={600} style={{ wordBreak: 'break-word' }}>
          <Anchor component={Link} to={to} inherit>
            {hit.title}
          </Anchor>
        </Title>
        <StatusBadge status={hit.status} />
      </Group>
      <Group gap={6} mt={4}>
        <Text size="sm">{hit.category.name}</Text>
        <TopicFlags type={hit.type} locked={hit.locked} />
        {hit.kind === 'reply' ? (
          <Text size="sm" c="dimmed">
            · {f.matchInReply}
          </Text>
        ) : null}
      </Group>
      <Text size="sm" mt={4} className="forum-hit" style={{ wordBreak: 'break-word' }}>
        <Highlighted snippet={hit.snippet} />
      </Text>
      <Group justify="space-between" mt={6} gap="xs">
        <Byline name={hit.author.name} institution={hit.institution} extra={formatDate(hit.createdAt, lang)} />
        <Text size="sm" fw={500}>
          {f.votes(formatNumber(hit.voteCount, lang))} · {f.replies(formatNumber(hit.replyCount, lang))}
        </Text>
      </Group>
    </Card>
  );
}

/** E-mail for new topics in the category shown (immediately or in the 07.00 WIB digest). */
function CategoryFollow({ category }: { category: ForumCategory }) {
  const t = useForumT();
  const f = t.forum;
  const queryClient = useQueryClient();
  const follow = useMutation({
    mutationFn: (mode: FollowMode) =>
      call(client.PUT('/api/forum/categories/{id}/follow', { params: { path: { id: category.id } }, body: { mode } })),
    onSuccess: () => notifySuccess(f.followSaved),
    onError: (e) => notifyError(e, t),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: forumKeys.categories }),
  });
  return (
    <Select
      label={`${f.followCategory}: ${category.name}`}
      maw={420}
      allowDeselect={false}
      data={[
        { value: 'none', label: f.followNone },
        { value: 'immediate', label: f.followImmediateTopics },
        { value: 'digest', label: f.followDigest },
      ]}
      value={category.following ?? 'none'}
      onChange={(v) => v && follow.mutate(v as FollowMode)}
    />
  );
}
