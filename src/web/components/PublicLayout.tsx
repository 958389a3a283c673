import { Outlet } from 'react-router';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** Layout of the screens used before logging in (login, password reset, invitation). */
export function PublicLayout() {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.0" p="md">
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mt="xl">
        <Stack w="100%" maw={420} gap="md">
          <Stack gap={0} align="center">
            <Title order={1} c="teal.9">
              {t.common.appName}
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              {t.common.tagline}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Outlet />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
