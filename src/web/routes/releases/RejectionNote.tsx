import { Alert, Text } from '@mantine/core';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { useT } from './texts';
import type { ReleaseDetail } from './shared';

/** The reviewer's note on a release sent back: what the writer has to fix (shown on the detail and writing screens). */
export function RejectionNote({ release }: { release: ReleaseDetail }) {
  const t = useT();
  const lang = useLang();
  if (release.status !== 'rejected' || !release.reviewComment) return null;
  return (
    <Alert color="red" title={t.releases.rejection.title} data-testid="rejection-note">
      <Text style={{ whiteSpace: 'pre-wrap' }}>{release.reviewComment}</Text>
      {release.reviewedBy ? (
        <Text size="sm" mt={4}>
          {t.releases.rejection.by(release.reviewedBy.name, formatDateTime(release.reviewedAt, lang))}
        </Text>
      ) : null}
    </Alert>
  );
}
