import { Link } from 'react-router';
import { Button, Card, Group, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { institutionCategories } from '../../shared/categories';
import { call, client } from '../api';
import { ErrorAlert } from '../components/errors';
import { categoryLabel, formatNumber } from '../format';
import { useLang, useT } from '../i18n';
import { useSession } from '../session';
import { MemberHome } from './MemberHome';

/** Counts come from the list endpoints themselves (limit=1 and read `total`), so they are always real. */
function DirectoryCounts() {
  const t = useT();
  const lang = useLang();
  const results = useQueries({
    queries: institutionCategories.map((category) => ({
      queryKey: ['institutions', 'count', category],
      queryFn: () => call(client.GET('/api/institutions', { params: { query: { category, active: 'true', limit: 1 } } })),
    })),
  });
  const total = results.reduce((sum, r) => sum + (r.data?.total ?? 0), 0);
  const loading = results.some((r) => r.isLoading);
  // A failed count must not show as a zero.
  const failed = results.find((r) => r.error)?.error;
  if (failed) return <ErrorAlert error={failed} />;
  return (
    <>
      <Group justify="space-between" mt="lg" mb="xs">
        <Title order={3}>{t.home.members}</Title>
        {!loading ? (
          <Text c="dimmed" size="sm">
            {t.home.totalActive(formatNumber(total, lang))}
          </Text>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }}>
        {institutionCategories.map((category, i) => (
          <Card key={category} withBorder padding="sm" component={Link} to={`/directory?category=${category}`}>
            <Text size="sm" c="dimmed" lineClamp={2} mih={40}>
              {categoryLabel(category, lang)}
            </Text>
            {results[i]!.isLoading ? (
              <Skeleton h={28} w={40} />
            ) : (
              <Text fw={700} fz={24} data-testid={`count-${category}`}>
                {formatNumber(results[i]!.data?.total ?? 0, lang)}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}

/** Shown only when the activities API exists (it is added by another module). */
function ActivityCount() {
  const t = useT();
  const lang = useLang();
  const { data } = useQuery({
    queryKey: ['activities', 'count'],
    queryFn: () => call(client.GET('/api/activities', { params: { query: { limit: 1 } } })),
    retry: false,
  });
  if (!data || typeof data.total !== 'number') return null;
  return (
    <Card withBorder padding="sm" mt="lg" maw={260}>
      <Text size="sm" c="dimmed">
        {t.home.activities}
      </Text>
      <Text fw={700} fz={24}>
        {formatNumber(data.total, lang)}
      </Text>
    </Card>
  );
}

export function HomePage() {
  const t = useT();
  const { user, can } = useSession();
  if (!user) return null;
  // A member officer's home is their institution and what is asked of them.
  if (user.role === 'member' && user.institutionId) {
    return (
      <>
        <Title order={2}>{t.home.welcome(user.name)}</Title>
        <MemberHome institutionId={user.institutionId} />
      </>
    );
  }
  return (
    <>
      <Title order={2}>{t.home.welcome(user.name)}</Title>
      <Text c="dimmed" mt={4}>
        {t.home.intro}
      </Text>
      <Group mt="md" gap="xs">
        {can('directory.read') ? (
          <Button component={Link} to="/directory" variant="light">
            {t.common.nav.directory}
          </Button>
        ) : null}
        {can('institution.create') ? (
          <Button component={Link} to="/directory/new" variant="light">
            {t.home.addInstitution}
          </Button>
        ) : null}
        {can('institution.import') ? (
          <Button component={Link} to="/directory/import" variant="light">
            {t.common.nav.import}
          </Button>
        ) : null}
        {can('user.manage') ? (
          <Button component={Link} to="/users" variant="light">
            {t.common.nav.users}
          </Button>
        ) : null}
      </Group>
      {can('directory.read') ? <DirectoryCounts /> : null}
      {can('activity.read') ? <ActivityCount /> : null}
    </>
  );
}
