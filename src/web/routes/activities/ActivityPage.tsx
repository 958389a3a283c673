import { useParams } from 'react-router';
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { ActivityHeader } from './ActivityHeader';
import { BudgetLinesSection } from './BudgetLinesSection';
import { ChecksSummary, PanelNav } from './ChecksSummary';
import { CommitteeSection } from './CommitteeSection';
import { FundingSection } from './FundingSection';
import { GeneralSection } from './GeneralSection';
import { LegalBasesSection } from './LegalBasesSection';
import { MethodSection } from './MethodSection';
import { ScheduleSection } from './ScheduleSection';
import { SpeakersSection } from './SpeakersSection';
import { BackgroundSection, IntentSection, LocationsSection, OutputsSection } from './TextSections';
import { activityQuery, issuesUnder, prefixesOf, type PanelId } from './types';

/** One activity: header and actions, the check results, and the KAK sections A-G with budget, committee and speakers. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const t = useActivitiesT();
  const { data: activity, error } = useQuery(activityQuery(id));
  if (error) return <ErrorAlert error={error} />;
  if (!activity) return <Text c="dimmed">{t.common.loading}</Text>;

  const issues = (panel: PanelId) => ({
    errors: issuesUnder(activity.checks.errors, prefixesOf(panel)),
    warnings: issuesUnder(activity.checks.warnings, prefixesOf(panel)),
  });
  const props = (panel: PanelId) => ({ activity, canEdit: activity.can.update, issues: issues(panel) });

  return (
    <Stack gap="md" maw={1200} key={activity.id}>
      <ActivityHeader activity={activity} />
      <ChecksSummary activity={activity} />
      <PanelNav activity={activity} />
      <GeneralSection {...props('general')} />
      <BackgroundSection {...props('section-a')} />
      <IntentSection {...props('section-b')} />
      <LegalBasesSection {...props('section-c')} />
      <MethodSection {...props('section-d')} />
      <ScheduleSection {...props('schedule')} />
      <LocationsSection {...props('section-e')} />
      <OutputsSection {...props('section-f')} />
      <FundingSection {...props('section-g')} />
      <BudgetLinesSection {...props('budget')} />
      <CommitteeSection {...props('committee')} />
      <SpeakersSection {...props('speakers')} />
    </Stack>
  );
}
