import { Container, Title } from '@mantine/core';
import { useT } from '../../i18n';

export function UnsubscribePage() {
  const t = useT();
  return (
    <Container size="xs" py="xl">
      <Title order={1}>{t.forum.unsubscribeTitle}</Title>
    </Container>
  );
}
