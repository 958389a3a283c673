import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { useLang } from '../../i18n';
import { useMeetingsT } from './i18n';
import { categoryLabels, institutionCategories, type InstitutionCategory } from '../../../shared/categories';
import type { Invitation, MeetingDetail } from '../../../shared/schemas/meetings';

type WaLink = { institutionName: string; whatsappUrl: string | null; problem: string | null };

/** One invitation's quota and addressee, changed in place. */
function EditRow({ m, inv, done }: { m: MeetingDetail; inv: Invitation; done: () => Promise<void> }) {
  const t = useMeetingsT().meetings;
  const [quota, setQuota] = useState<number | string>(inv.quota);
  const [addressee, setAddressee] = useState(inv.addressee);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setFields({});
    setError(null);
    try {
      await call(
        client.PATCH('/api/meetings/{id}/invitations/{childId}', {
          params: { path: { id: m.id, childId: inv.id } },
          body: { version: m.version, quota: Number(quota), addressee },
        }),
      );
      await done();
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fields);
        if (!e.fields.quota && !e.fields.addressee) setError(e.message);
      } else setError(t.error);
    }
  };
  return (
    <Stack gap="xs" data-testid="invitation-edit">
      <Group align="flex-start" gap="xs" wrap="wrap">
        <NumberInput label={t.quota} min={1} max={100} w={100} value={quota} onChange={setQuota} error={fields.quota} />
        <TextInput
          label={t.addressee}
          value={addressee}
          onChange={(e) => setAddressee(e.currentTarget.value)}
          error={fields.addressee}
          style={{ flex: 1, minWidth: 200 }}
        />
      </Group>
      {error && (
        <Text size="sm" c="red.9">
          {error}
        </Text>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={() => void save()}>
          {t.save}
        </Button>
        <Button size="xs" variant="default" onClick={() => void done()}>
          {t.cancel}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Invitees: invite one institution from the directory or a whole category, each with a quota; change an
 * invitation's quota and addressee; letters per institution and all at once; sending and resending.
 */
export function InvitationsCard({
  m,
  invitations,
  reload,
  onError,
}: {
  m: MeetingDetail;
  invitations: Invitation[];
  reload: () => Promise<void>;
  onError: (e: string | null) => void;
}) {
  const t = useMeetingsT().meetings;
  const lang = useLang();
  const [category, setCategory] = useState<string | null>('regency_city');
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [quota, setQuota] = useState<number | string>(2);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [waLinks, setWaLinks] = useState<WaLink[]>([]);
  const id = m.id;
  const version = m.version;

  const run = async (fn: () => Promise<unknown>) => {
    onError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      onError(e instanceof ApiError ? e.message : t.error);
    }
    await reload();
  };
  const invite = (body: { institutionIds?: string[]; category?: InstitutionCategory }) =>
    run(async () => {
      const r = await call(
        client.POST('/api/meetings/{id}/invitations', { params: { path: { id } }, body: { version, quota: Number(quota) || 2, ...body } }),
      );
      setNotice(t.added(r.added, r.skipped));
      setInstitutionId(null);
    });

  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t.invitations(invitations.length)}
        </Title>
        <Group gap="xs">
          <Button component="a" variant="light" size="xs" href={`/api/meetings/${id}/letters.pdf`}>
            {t.allLettersPdf}
          </Button>
          <Button component="a" variant="light" size="xs" href={`/api/meetings/${id}/letters.zip`}>
            {t.allLettersZip}
          </Button>
        </Group>
      </Group>
      {m.can.manage && (
        <Stack gap="xs" mt="xs">
          <NumberInput label={t.quota} description={t.quotaHint} min={1} max={100} w={180} value={quota} onChange={setQuota} />
          <Group align="flex-end" gap="xs" wrap="wrap">
            <InstitutionSelect
              label={t.inviteInstitution}
              value={institutionId}
              onChange={setInstitutionId}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button disabled={!institutionId} onClick={() => institutionId && void invite({ institutionIds: [institutionId] })}>
              {t.inviteInstitutionButton}
            </Button>
          </Group>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={t.inviteCategory}
              data={institutionCategories.map((c) => ({ value: c, label: t.allOf(categoryLabels[c][lang]) }))}
              value={category}
              onChange={setCategory}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button onClick={() => void invite({ category: category as InstitutionCategory })}>{t.invite}</Button>
          </Group>
          {notice && (
            <Text size="sm" c="teal.9" data-testid="invite-notice">
              {notice}
            </Text>
          )}
        </Stack>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table mt="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th aria-label={t.select('')} />
              <Table.Th>{t.institution}</Table.Th>
              <Table.Th>{t.quota}</Table.Th>
              <Table.Th>{t.answer}</Table.Th>
              <Table.Th>{t.sending}</Table.Th>
              <Table.Th>{t.letter}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((inv) => (
              <Table.Tr key={inv.id} data-testid="invitation-row">
                <Table.Td>
                  <Checkbox
                    aria-label={t.select(inv.institutionName)}
                    checked={selected.includes(inv.id)}
                    onChange={(e) => setSelected(e.currentTarget.checked ? [...selected, inv.id] : selected.filter((x) => x !== inv.id))}
                  />
                </Table.Td>
                <Table.Td>
                  {inv.institutionName}
                  {editing === inv.id ? (
                    <EditRow
                      m={m}
                      inv={inv}
                      done={async () => {
                        setEditing(null);
                        await reload();
                      }}
                    />
                  ) : (
                    <Text size="xs" c="dimmed">
                      Yth. {inv.addressee} · {inv.letterNumber}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <span>
                      {inv.delegateCount}/{inv.quota}
                    </span>
                    {m.can.manage && editing !== inv.id && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t.editInvitation(inv.institutionName)}
                        onClick={() => setEditing(inv.id)}
                      >
                        ✎
                      </ActionIcon>
                    )}
                    {m.can.manage && inv.delegateCount === 0 && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        color="red.9"
                        aria-label={t.removeInvitation(inv.institutionName)}
                        onClick={() =>
                          window.confirm(t.removeQuestion(inv.institutionName)) &&
                          void run(() =>
                            call(
                              client.DELETE('/api/meetings/{id}/invitations/{childId}', {
                                params: { path: { id, childId: inv.id }, query: { version } },
                              }),
                            ),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t.rsvp[inv.state]}
                  {inv.declineReason ? `: ${inv.declineReason}` : ''}
                </Table.Td>
                <Table.Td>
                  {t.send[inv.sendState]}
                  {inv.sendError ? (
                    <Text size="xs" c="red.9">
                      {inv.sendError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Anchor href={`/api/meetings/${id}/invitations/${inv.id}/letter.pdf`}>PDF</Anchor>
                    <Anchor href={`/api/meetings/${id}/invitations/${inv.id}/letter.docx`}>DOCX</Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {m.can.send && (
        <Group mt="xs">
          <Button
            onClick={() =>
              run(async () => {
                const r = await call(client.POST('/api/meetings/{id}/send', { params: { path: { id } }, body: { version } }));
                setWaLinks(r.queued);
              })
            }
          >
            {t.sendUnsent}
          </Button>
          <Button
            variant="light"
            disabled={!selected.length}
            onClick={() =>
              run(async () => {
                const r = await call(
                  client.POST('/api/meetings/{id}/send', { params: { path: { id } }, body: { version, invitationIds: selected } }),
                );
                setWaLinks(r.queued);
                setSelected([]);
              })
            }
          >
            {t.resendSelected}
          </Button>
        </Group>
      )}
      {waLinks.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text fw={600} size="sm">
            {t.whatsappTitle}
          </Text>
          {waLinks.map((w) => (
            <Text size="sm" key={w.institutionName}>
              {w.institutionName}:{' '}
              {w.whatsappUrl ? (
                <Anchor href={w.whatsappUrl} target="_blank">
                  {t.shareWhatsapp}
                </Anchor>
              ) : (
                t.noWhatsapp
              )}
              {w.problem ? ` — ${w.problem}` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
