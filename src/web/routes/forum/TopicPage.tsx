import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Group, Menu, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { formatDateTime, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useForumT } from './i18n';
import { useSession } from '../../session';
import { AgendaModal } from './AgendaModal';
import { forumKeys, type FollowMode, type ForumReply, type TopicDetail } from './api';
import { AttachmentList } from './attachments';
import { HideModal, MergeModal, MoveModal } from './ModerationModals';
import { Byline, StatusBadge, TopicFlags } from './parts';
import { ReplyEditor, ReplyForm } from './ReplyForm';
import { SafeHtml } from '../../components/SafeHtml';

type Dialog =
  | { kind: 'hideTopic' }
  | { kind: 'hideReply'; reply: ForumReply }
  | { kind: 'move' }
  | { kind: 'merge' }
  | { kind: 'agenda' }
  | null;

/**
 * One topic: the question, the accepted solution right under it, the replies (keyset pages) with quotes, the
 * reply form, vote, follow, and what the bureau may do. Every button follows the server's `can` flags.
 */
export function TopicPage() {
  const { id = '' } = useParams();
  const t = useForumT();
  const f = t.forum;
  const lang = useLang();
  const location = useLocation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [quote, setQuote] = useState<ForumReply | null>(null);

  const topic = useQuery({
    queryKey: forumKeys.topic(id),
    queryFn: () => call(client.GET('/api/forum/topics/{id}', { params: { path: { id } } })),
  });
  const replies = useInfiniteQuery({
    queryKey: forumKeys.replies(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(client.GET('/api/forum/topics/{id}/replies', { params: { path: { id }, query: { cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  // A search hit in a reply links to #reply-<id>: scroll to it once the replies are there.
  const hash = location.hash;
  const loadedReplies = replies.data?.pages.length ?? 0;
  useEffect(() => {
    if (!hash.startsWith('#reply-') || !loadedReplies) return;
    document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash, loadedReplies]);

  const setTopic = (next: TopicDetail) => {
    queryClient.setQueryData(forumKeys.topic(next.id), next);
    void queryClient.invalidateQueries({ queryKey: ['forum', 'list'] });
  };
  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: forumKeys.topic(id) });
    void queryClient.invalidateQueries({ queryKey: forumKeys.replies(id) });
    void queryClient.invalidateQueries({ queryKey: ['forum', 'list'] });
  };
  const onError = (e: unknown) => {
    notifyError(e, t);
    refreshAll();
  };

  const vote = useMutation({
    mutationFn: (on: boolean) =>
      on
        ? call(client.POST('/api/forum/topics/{id}/vote', { params: { path: { id } } }))
        : call(client.DELETE('/api/forum/topics/{id}/vote', { params: { path: { id } } })),
    onSuccess: (r) => {
      const d = topic.data;
      if (d) setTopic({ ...d, voted: r.voted, voteCount: r.voteCount });
      notifySuccess(r.voted ? f.voted : f.withdrawn);
    },
    onError,
  });
  const follow = useMutation({
    mutationFn: (mode: FollowMode) => call(client.PUT('/api/forum/topics/{id}/follow', { params: { path: { id } }, body: { mode } })),
    onSuccess: (r) => {
      const d = topic.data;
      if (d) setTopic({ ...d, following: r.following });
      notifySuccess(f.followSaved);
    },
    onError,
  });
  const topicAction = useMutation({
    mutationFn: (action: (d: TopicDetail) => Promise<TopicDetail>) => action(topic.data!),
    onSuccess: (next) => {
      setTopic(next);
      void queryClient.invalidateQueries({ queryKey: forumKeys.replies(id) });
      notifySuccess(f.done);
    },
    onError,
  });
  const accept = (reply: ForumReply | null) =>
    topicAction.mutate((d) =>
      reply
        ? call(client.PUT('/api/forum/topics/{id}/solution', { params: { path: { id } }, body: { version: d.version, replyId: reply.id } }))
        : call(client.DELETE('/api/forum/topics/{id}/solution', { params: { path: { id }, query: { version: d.version } } })),
    );
  const unhideReply = useMutation({
    mutationFn: (reply: ForumReply) =>
      call(client.POST('/api/forum/replies/{id}/unhide', { params: { path: { id: reply.id } }, body: { version: reply.version } })),
    onSuccess: () => {
      refreshAll();
      notifySuccess(f.done);
    },
    onError,
  });

  if (topic.error) return <ErrorAlert error={topic.error} />;
  if (!topic.data) return <Text c="dimmed">{t.common.loading}</Text>;
  const d = topic.data;
  const allReplies = replies.data?.pages.flatMap((p) => p.items) ?? [];
  const moderation = d.can.hide || d.can.lock || d.can.move || d.can.merge || d.can.addToAgenda;

  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/forum" size="sm">
        ← {f.backToList}
      </Anchor>

      <Stack gap={6} component="header">
        <Title order={2} style={{ wordBreak: 'break-word' }}>
          {d.title}
        </Title>
        <Group gap={6}>
          <StatusBadge status={d.status} />
          <TopicFlags type={d.type} locked={d.locked} hidden={!!d.hidden} />
          <Text size="sm">{d.category.name}</Text>
        </Group>
        <Byline
          name={d.author.name}
          institution={d.institution}
          extra={`${f.postedAt(formatDateTime(d.createdAt, lang))}${d.editedAt ? ` (${f.edited})` : ''}`}
        />
        {d.meeting ? (
          <Text size="sm" data-testid="topic-meeting">
            {can('meeting.read') ? (
              <Anchor component={Link} to={`/meetings/${d.meeting.meetingId}`} inherit>
                {f.discussedAt(d.meeting.meetingTitle, d.meeting.sessionTitle)}
              </Anchor>
            ) : (
              f.discussedAt(d.meeting.meetingTitle, d.meeting.sessionTitle)
            )}
          </Text>
        ) : null}
        {d.resolutionId ? (
          d.meeting && can('meeting.read') ? (
            <Anchor component={Link} to={`/meetings/${d.meeting.meetingId}/outcomes`} size="sm">
              {f.resolution}
            </Anchor>
          ) : (
            <Badge color="teal" variant="light">
              {f.resolution}
            </Badge>
          )
        ) : null}
      </Stack>

      {d.mergedInto ? (
        <Alert color="blue">
          {f.mergedInto}{' '}
          <Anchor component={Link} to={`/forum/topics/${d.mergedInto.id}`} inherit>
            {d.mergedInto.title}
          </Anchor>
        </Alert>
      ) : null}
      {d.hidden ? <Alert color="red">{f.hiddenNotice(d.hidden.reason)}</Alert> : null}
      {d.locked && !d.mergedInto ? <Alert color="yellow">{f.lockedNotice}</Alert> : null}

      <Card withBorder padding="md" component="section" aria-label={f.question}>
        <SafeHtml html={d.bodyHtml} />
        <AttachmentList items={d.attachments} />
      </Card>

      <Group gap="xs" wrap="wrap" align="flex-end">
        <Text fw={600} data-testid="vote-count" aria-live="polite">
          {f.votes(formatNumber(d.voteCount, lang))}
        </Text>
        {d.can.vote || d.voted ? (
          <Button
            variant={d.voted ? 'light' : 'filled'}
            onClick={() => vote.mutate(!d.voted)}
            loading={vote.isPending}
            disabled={!d.voted && !d.can.vote}
            title={f.voteHint}
          >
            {d.voted ? f.withdrawVote : f.vote}
          </Button>
        ) : null}
        {d.can.follow ? (
          <Select
            label={f.followMode}
            w={260}
            allowDeselect={false}
            data={[
              { value: 'none', label: f.followNone },
              { value: 'immediate', label: f.followImmediate },
              { value: 'digest', label: f.followDigest },
            ]}
            value={d.following ?? 'none'}
            onChange={(v) => v && follow.mutate(v as FollowMode)}
          />
        ) : null}
        {d.can.edit ? (
          <Button
            component={Link}
            to={`/forum/topics/${d.id}/edit`}
            variant="default"
            title={d.editableUntil ? f.editUntil(formatDateTime(d.editableUntil, lang)) : undefined}
          >
            {t.common.edit}
          </Button>
        ) : null}
        {d.can.close ? (
          <Button
            variant="default"
            loading={topicAction.isPending}
            onClick={() =>
              topicAction.mutate((x) =>
                call(
                  client.POST('/api/forum/topics/{id}/status', {
                    params: { path: { id } },
                    body: { version: x.version, status: x.status === 'closed' ? 'open' : 'closed' },
                  }),
                ),
              )
            }
          >
            {d.status === 'closed' ? f.reopen : f.close}
          </Button>
        ) : null}
        {moderation ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default">{f.moderation}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {d.can.hide ? (
                d.hidden ? (
                  <Menu.Item
                    onClick={() =>
                      topicAction.mutate((x) =>
                        call(client.POST('/api/forum/topics/{id}/unhide', { params: { path: { id } }, body: { version: x.version } })),
                      )
                    }
                  >
                    {f.unhide}
                  </Menu.Item>
                ) : (
                  <Menu.Item onClick={() => setDialog({ kind: 'hideTopic' })}>{f.hideTopic}</Menu.Item>
                )
              ) : null}
              {d.can.lock ? (
                <Menu.Item
                  onClick={() =>
                    topicAction.mutate((x) =>
                      call(
                        client.POST('/api/forum/topics/{id}/lock', {
                          params: { path: { id } },
                          body: { version: x.version, locked: !x.locked },
                        }),
                      ),
                    )
                  }
                >
                  {d.locked ? f.unlock : f.lock}
                </Menu.Item>
              ) : null}
              {d.can.move ? <Menu.Item onClick={() => setDialog({ kind: 'move' })}>{f.move}</Menu.Item> : null}
              {d.can.merge ? <Menu.Item onClick={() => setDialog({ kind: 'merge' })}>{f.merge}</Menu.Item> : null}
              {d.can.addToAgenda ? <Menu.Item onClick={() => setDialog({ kind: 'agenda' })}>{f.addToAgenda}</Menu.Item> : null}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>

      <section aria-labelledby="forum-solution">
        <Title order={3} size="h4" id="forum-solution" mb="xs">
          {f.acceptedSolution}
        </Title>
        {d.solution ? (
          <ReplyCard
            reply={d.solution}
            solution
            onQuote={d.can.reply ? setQuote : undefined}
            onAccept={d.can.accept ? () => accept(null) : undefined}
            onHide={(r) => setDialog({ kind: 'hideReply', reply: r })}
            onUnhide={(r) => unhideReply.mutate(r)}
            onSaved={refreshAll}
          />
        ) : (
          <Text c="dimmed" size="sm">
            {f.noSolution}
          </Text>
        )}
      </section>

      <section aria-labelledby="forum-replies">
        <Title order={3} size="h4" id="forum-replies" mb="xs">
          {f.repliesTitle} ({formatNumber(d.replyCount, lang)})
        </Title>
        <ErrorAlert error={replies.error} />
        {replies.data && !allReplies.length ? (
          <Text c="dimmed" size="sm">
            {f.noReplies}
          </Text>
        ) : null}
        <Stack gap="sm">
          {allReplies.map((r) => (
            <ReplyCard
              key={r.id}
              reply={r}
              onQuote={d.can.reply ? setQuote : undefined}
              onAccept={d.can.accept && !r.isSolution && !r.hidden ? () => accept(r) : undefined}
              onHide={(x) => setDialog({ kind: 'hideReply', reply: x })}
              onUnhide={(x) => unhideReply.mutate(x)}
              onSaved={refreshAll}
            />
          ))}
        </Stack>
        {replies.hasNextPage ? (
          <Button variant="light" mt="sm" onClick={() => void replies.fetchNextPage()} loading={replies.isFetchingNextPage}>
            {f.loadMore}
          </Button>
        ) : null}
      </section>

      {d.can.reply ? (
        <ReplyForm
          topicId={d.id}
          quote={quote}
          onClearQuote={() => setQuote(null)}
          onSent={() => {
            setQuote(null);
            refreshAll();
          }}
        />
      ) : null}

      <HideModal
        opened={dialog?.kind === 'hideTopic' || dialog?.kind === 'hideReply'}
        title={dialog?.kind === 'hideReply' ? f.hideReply : f.hideTopic}
        onClose={() => setDialog(null)}
        hide={(reason) => {
          if (dialog?.kind === 'hideReply') {
            const r = dialog.reply;
            return call(
              client.POST('/api/forum/replies/{id}/hide', { params: { path: { id: r.id } }, body: { version: r.version, reason } }),
            ).then(() => refreshAll());
          }
          return call(client.POST('/api/forum/topics/{id}/hide', { params: { path: { id } }, body: { version: d.version, reason } })).then(
            setTopic,
          );
        }}
      />
      <MoveModal
        opened={dialog?.kind === 'move'}
        current={d.category.id}
        onClose={() => setDialog(null)}
        move={(categoryId) =>
          call(client.POST('/api/forum/topics/{id}/move', { params: { path: { id } }, body: { version: d.version, categoryId } })).then(
            setTopic,
          )
        }
      />
      <MergeModal
        opened={dialog?.kind === 'merge'}
        topicId={d.id}
        onClose={() => setDialog(null)}
        merge={(intoTopicId) =>
          call(client.POST('/api/forum/topics/{id}/merge', { params: { path: { id } }, body: { version: d.version, intoTopicId } })).then(
            () => refreshAll(),
          )
        }
      />
      <AgendaModal opened={dialog?.kind === 'agenda'} topics={[{ id: d.id, title: d.title }]} onClose={() => setDialog(null)} />
    </Stack>
  );
}

/** One reply: its quote, body (sanitised HTML), attachments and the actions the server allows on it. */
function ReplyCard({
  reply,
  solution = false,
  onQuote,
  onAccept,
  onHide,
  onUnhide,
  onSaved,
}: {
  reply: ForumReply;
  solution?: boolean;
  onQuote?: (r: ForumReply) => void;
  onAccept?: () => void;
  onHide: (r: ForumReply) => void;
  onUnhide: (r: ForumReply) => void;
  onSaved: () => void;
}) {
  const t = useForumT();
  const f = t.forum;
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const id = solution ? `solution-${reply.id}` : `reply-${reply.id}`;
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      id={id}
      data-testid={solution ? 'solution' : 'reply'}
      style={solution ? { borderColor: 'var(--mantine-color-green-8)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" gap="xs" align="flex-start">
        <Byline
          name={reply.author.name}
          institution={reply.institution}
          extra={`${formatDateTime(reply.createdAt, lang)}${reply.editedAt ? ` (${f.edited})` : ''}`}
        />
        {reply.isSolution && !solution ? (
          <Badge color="green" variant="light">
            {f.acceptedSolution}
          </Badge>
        ) : null}
      </Group>
      {reply.hidden ? (
        <Text size="sm" c="red.9" mt={4}>
          {reply.bodyHtml ? f.hiddenNotice(reply.hidden.reason) : f.hiddenPost}
        </Text>
      ) : null}
      {reply.quote ? (
        <blockquote className="forum-quote">
          <Text size="xs" fw={600}>
            {f.quoteOf(reply.quote.authorName)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {reply.quote.hidden ? f.hiddenPost : reply.quote.excerpt}
          </Text>
        </blockquote>
      ) : null}
      {editing ? (
        <ReplyEditor
          reply={reply}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      ) : reply.bodyHtml ? (
        <SafeHtml html={reply.bodyHtml} mt={4} opacity={reply.hidden ? 0.6 : 1} />
      ) : null}
      <AttachmentList items={reply.attachments} />
      {!editing ? (
        <Group gap="xs" mt="xs">
          {onQuote && reply.can.quote && !reply.hidden ? (
            <Button size="compact-sm" variant="subtle" onClick={() => onQuote(reply)}>
              {f.quote}
            </Button>
          ) : null}
          {onAccept ? (
            <Button size="compact-sm" variant="light" color={solution ? 'gray' : 'green'} onClick={onAccept}>
              {solution ? f.unaccept : f.accept}
            </Button>
          ) : null}
          {reply.can.edit ? (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setEditing(true)}
              title={reply.editableUntil ? f.editUntil(formatDateTime(reply.editableUntil, lang)) : undefined}
            >
              {t.common.edit}
            </Button>
          ) : null}
          {reply.can.hide ? (
            reply.hidden ? (
              <Button size="compact-sm" variant="subtle" onClick={() => onUnhide(reply)}>
                {f.unhide}
              </Button>
            ) : (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => onHide(reply)}>
                {f.hide}
              </Button>
            )
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
