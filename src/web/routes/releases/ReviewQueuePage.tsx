import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useT } from './texts';
import { ReleaseRows } from './ReleaseListPage';
import { ReleaseTabs } from './ReleaseTabs';
import { type DialogKind, ReviewDialog, type Target } from './ReviewDialogs';
import { releasesKey, useReleaseMeta, type ReleaseListItem } from './shared';

const limit = 20;

/**
 * The editor's queue: submitted releases to approve or send back (with a note the writer reads), and approved
 * ones waiting to be published or scheduled. The server lists only what the caller may review.
 */
export function ReviewQueuePage() {
  const t = useT();
  const r = t.releases;
  const meta = useReleaseMeta();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<{ kind: DialogKind; target: Target } | null>(null);
  const list = useQuery({
    queryKey: [...releasesKey, 'queue', offset],
    queryFn: () => call(client.GET('/api/releases', { params: { query: { queue: 'review', limit, offset } } })),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const open = (kind: DialogKind, i: ReleaseListItem) =>
    setDialog({ kind, target: { id: i.id, version: i.version, title: i.title, publishAt: i.publishAt } });

  return (
    <>
      <PageHeader title={r.reviewQueue} description={r.reviewQueueDescription} />
      <ReleaseTabs current="review" />
      <ErrorAlert error={list.error ?? meta.error} />
      {list.data && !items.length ? (
        <Text c="dimmed" py="md">
          {r.reviewEmpty}
        </Text>
      ) : null}
      <ReleaseRows
        label={r.reviewQueue}
        items={items}
        phone={phone}
        fetching={list.isFetching}
        actions={(i) =>
          i.status === 'submitted' ? (
            <>
              <Button size="compact-sm" onClick={() => open('approve', i)} aria-label={`${r.actions.approve}: ${i.title}`}>
                {r.actions.approve}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => open('reject', i)} aria-label={`${r.actions.reject}: ${i.title}`}>
                {r.actions.reject}
              </Button>
            </>
          ) : i.status === 'approved' ? (
            <Button size="compact-sm" onClick={() => open('publish', i)} aria-label={`${r.actions.publish}: ${i.title}`}>
              {r.actions.publish}
            </Button>
          ) : null
        }
      />
      {list.data && list.data.total > limit ? <Pager total={list.data.total} limit={limit} offset={offset} onChange={setOffset} /> : null}
      <ReviewDialog kind={dialog?.kind ?? null} target={dialog?.target ?? null} onClose={() => setDialog(null)} />
    </>
  );
}
