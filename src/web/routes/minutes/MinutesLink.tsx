import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useMinutesT } from './i18n';

/** The meeting page's link to its minutes (notulen). */
export function MinutesLink({ meetingId }: { meetingId: string }) {
  const t = useMinutesT().minutes;
  return (
    <Button component={Link} to={`/meetings/${meetingId}/minutes`} size="xs" variant="light">
      {t.link}
    </Button>
  );
}
