import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useLang } from '../../i18n';
import { useSession } from '../../session';

// The label lives here so the meeting page does not carry the survey's dictionary.
const label = { id: 'Hasil survei', en: 'Survey results' };

/** The meeting page's link to its feedback survey results (the bureau: ability survey.read). */
export function SurveyLink({ meetingId }: { meetingId: string }) {
  const { can } = useSession();
  const lang = useLang();
  if (!can('survey.read')) return null;
  return (
    <Button component={Link} to={`/rapat/${meetingId}/survei`} size="xs" variant="light">
      {label[lang]}
    </Button>
  );
}
