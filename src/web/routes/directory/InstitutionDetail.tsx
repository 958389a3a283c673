import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Card, FileButton, Group, Image, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, upload, type Body } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { categoryLabel } from '../../format';
import { useLang, useT } from '../../i18n';
import { useSession } from '../../session';
import { InstitutionForm } from './InstitutionForm';
import { OfficersSection } from './OfficersSection';
import { institutionKey, type InstitutionDetail } from './types';
import { PhoneLink } from './PhoneLink';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {children || '–'}
      </Text>
    </div>
  );
}

export function InstitutionDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const {
    data: inst,
    error,
    refetch,
  } = useQuery({
    queryKey: institutionKey(id),
    queryFn: () => call(client.GET('/api/institutions/{id}', { params: { path: { id } } })),
  });
  const saved = (next: InstitutionDetail) => {
    queryClient.setQueryData(institutionKey(id), next);
    void queryClient.invalidateQueries({ queryKey: ['institutions'] });
  };
  const setActive = useMutation({
    mutationFn: (active: boolean) => {
      if (!inst) throw new Error('institution not loaded');
      return call(
        client.POST(active ? '/api/institutions/{id}/activate' : '/api/institutions/{id}/deactivate', {
          params: { path: { id } },
          body: { version: inst.version },
        }),
      );
    },
    onSuccess: (next) => {
      saved(next);
      notifySuccess(next.active ? t.directory.activated : t.directory.deactivated);
    },
    onError: (e) => {
      notifyError(e, t);
      refetch();
    },
  });
  const logo = useMutation({
    mutationFn: (file: File) => upload('/api/institutions/{id}/logo', { path: { id } }, { file }),
    onSuccess: (next) => {
      saved(next);
      notifySuccess(t.directory.logoSaved);
    },
    onError: (e) => notifyError(e, t),
  });

  if (error) return <ErrorAlert error={error} />;
  if (!inst) return <Text c="dimmed">{t.common.loading}</Text>;
  const admin = can('institution.create');
  return (
    <Stack>
      <Anchor component={Link} to="/directory" size="sm">
        ← {t.directory.backToList}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group align="flex-start" wrap="nowrap">
          {inst.hasLogo ? (
            <Image src={`/api/institutions/${inst.id}/logo?v=${inst.version}`} alt={t.directory.logo} w={64} h={64} fit="contain" />
          ) : null}
          <div>
            <Title order={2}>{inst.name}</Title>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{categoryLabel(inst.category, lang)}</Badge>
              {inst.active ? (
                <Badge color="teal" variant="light">
                  {t.common.active}
                </Badge>
              ) : (
                <Badge color="gray">{t.common.inactive}</Badge>
              )}
            </Group>
          </div>
        </Group>
        <Group gap="xs">
          {inst.canEdit ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t.common.edit}
            </Button>
          ) : null}
          {inst.canEdit ? (
            <FileButton onChange={(f) => f && logo.mutate(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="default" loading={logo.isPending} {...props}>
                  {t.directory.uploadLogo}
                </Button>
              )}
            </FileButton>
          ) : null}
          {can('institution.deactivate') ? (
            inst.active ? (
              <ConfirmButton
                variant="light"
                color="red"
                question={t.directory.deactivateQuestion}
                loading={setActive.isPending}
                onConfirm={() => setActive.mutate(false)}
              >
                {t.directory.deactivate}
              </ConfirmButton>
            ) : (
              <Button variant="light" loading={setActive.isPending} onClick={() => setActive.mutate(true)}>
                {t.directory.activate}
              </Button>
            )
          ) : null}
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          <Field label={t.directory.shortName}>{inst.shortName}</Field>
          <Field label={t.directory.regionCode}>{inst.regionCode}</Field>
          <Field label={t.directory.website}>
            {inst.website ? (
              <Anchor href={inst.website} target="_blank" rel="noreferrer">
                {inst.website}
              </Anchor>
            ) : null}
          </Field>
          <Field label={t.directory.email}>{inst.email}</Field>
          <Field label={t.directory.phone}>{inst.phone ? <PhoneLink value={inst.phone} /> : null}</Field>
          <Field label={t.directory.address}>{inst.address}</Field>
        </SimpleGrid>
      </Card>
      {inst.canSeeOfficers ? <OfficersSection institution={inst} canWrite={can('officer.write')} /> : null}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t.directory.editTitle} size="lg">
        <InstitutionForm
          key={inst.version}
          initial={inst}
          identityLocked={!admin}
          submitLabel={t.common.save}
          save={(values) =>
            call(
              client.PATCH('/api/institutions/{id}', {
                params: { path: { id } },
                body: { ...values, version: inst.version } as Body<'/api/institutions/{id}', 'patch'>,
              }),
            )
          }
          onSaved={(next) => {
            saved(next);
            setEditing(false);
            notifySuccess(t.common.saved);
          }}
          onReload={() => refetch()}
          onCancel={() => setEditing(false)}
        />
      </Modal>
    </Stack>
  );
}
