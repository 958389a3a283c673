import { Badge, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert, notifySuccess } from '../../components/errors';
import { useLang } from '../../i18n';
import { type Ability, useSession } from '../../session';
import { releaseTexts } from '../releases/texts';
import type { UserRow } from './roles';

const editorsKey = ['releases', 'editors'] as const;

/**
 * The accounts carrying the release editor flag (GET /api/releases/editors), for administrators only: others get
 * an empty set and no request is made.
 */
export function useReleaseEditors(): Set<string> {
  const { can } = useSession();
  const allowed = can('release.editors' as Ability);
  const { data } = useQuery({
    queryKey: editorsKey,
    enabled: allowed,
    queryFn: () => call(client.GET('/api/releases/editors', { params: { query: { limit: 200 } } })),
  });
  return new Set(data?.items.map((e) => e.userId) ?? []);
}

/** A badge "Editor rilis" next to a user's role in the list. */
export function ReleaseEditorBadge({ user, editors }: { user: UserRow; editors: Set<string> }) {
  const lang = useLang();
  if (!editors.has(user.id)) return null;
  return (
    <Badge color="indigo" variant="light" ml="xs">
      {releaseTexts(lang).editorFlag.badge}
    </Badge>
  );
}

/**
 * The switch "Editor rilis" in the user's edit dialog: sets or clears the flag at once (PUT
 * /api/releases/editors/:userId; the server checks the role and the institution and writes the audit row).
 * Shown to administrators, for member and committee accounts (administrators are always editors).
 */
export function ReleaseEditorSwitch({ user }: { user: UserRow }) {
  const lang = useLang();
  const t = releaseTexts(lang).editorFlag;
  const { can } = useSession();
  const queryClient = useQueryClient();
  const editors = useReleaseEditors();
  const mutation = useMutation({
    mutationFn: (editor: boolean) =>
      call(client.PUT('/api/releases/editors/{userId}', { params: { path: { userId: user.id } }, body: { editor } })),
    onSuccess: (result) => {
      notifySuccess(result.editor ? t.granted(user.name) : t.revoked(user.name));
      void queryClient.invalidateQueries({ queryKey: editorsKey });
    },
  });
  if (!can('release.editors' as Ability)) return null;
  if (user.role !== 'member' && user.role !== 'committee') {
    return (
      <Text size="sm" c="dimmed">
        {t.onlyFor}
      </Text>
    );
  }
  const checked = mutation.isPending ? !!mutation.variables : editors.has(user.id);
  return (
    <Stack gap={4}>
      <Switch
        label={t.label}
        description={t.description}
        checked={checked}
        disabled={mutation.isPending}
        onChange={(e) => mutation.mutate(e.currentTarget.checked)}
      />
      <ErrorAlert error={mutation.error} />
    </Stack>
  );
}
