import '@mantine/core/styles/Rating.css';
import './survey.css';
import { useState } from 'react';
import { Alert, Button, Card, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiError, call, client } from '../../api';
import { formatDateTime } from '../../format';
import { useLang } from '../../i18n';
import { surveyLimits, type TicketView } from '../../../shared/schemas/survey';
import { useSurveyT } from './i18n';

/** A 1-5 score as a labelled group of five radio stars (Mantine Rating), each star named for screen readers. */
function Score({ label, value, onChange, error }: { label: string; value: number; onChange: (n: number) => void; error?: string }) {
  const f = useSurveyT().survey.form;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Rating className="survey-rating" value={value} onChange={onChange} size="xl" getSymbolLabel={(n) => f.scoreLabel(label, n)} />
      {error && (
        <Text size="sm" c="red.8" mt={4}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}

/** The survey part of the ticket page: the form while open, thanks once answered, or why it is not open. */
export function SurveySection({ token, view, onAnswered }: { token: string; view: TicketView; onAnswered: () => void }) {
  const f = useSurveyT().survey.form;
  const lang = useLang();
  const state = view.survey.state;
  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h4" mb="xs">
        {f.title}
      </Title>
      {state === 'answered' && (
        <Alert color="teal" title={f.thanksTitle} role="status">
          {f.thanks} {view.survey.answeredAt ? f.answeredAt(formatDateTime(view.survey.answeredAt, lang)) : null}
        </Alert>
      )}
      {state === 'not_started' && <Text size="sm">{f.notStarted}</Text>}
      {state === 'not_checked_in' && <Text size="sm">{f.notCheckedIn}</Text>}
      {state === 'closed' && <Text size="sm">{f.closed}</Text>}
      {state === 'open' && <SurveyForm token={token} sessions={view.meeting.sessions} onAnswered={onAnswered} />}
    </Card>
  );
}

function SurveyForm({
  token,
  sessions,
  onAnswered,
}: {
  token: string;
  sessions: TicketView['meeting']['sessions'];
  onAnswered: () => void;
}) {
  const f = useSurveyT().survey.form;
  const [usefulness, setUsefulness] = useState(0);
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [suggestions, setSuggestions] = useState('');
  const [topicsWanted, setTopicsWanted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setFields({});
    if (!usefulness) {
      setFields({ usefulness: f.usefulnessRequired });
      return;
    }
    setSaving(true);
    try {
      await call(
        client.POST('/api/tickets/{token}/survey', {
          params: { path: { token } },
          body: {
            usefulness,
            sessionRatings: Object.entries(ratings)
              .filter(([, r]) => r > 0)
              .map(([sessionId, rating]) => ({ sessionId, rating })),
            suggestions: suggestions.trim() || null,
            topicsWanted: topicsWanted.trim() || null,
          },
        }),
      );
      onAnswered();
    } catch (err) {
      if (err instanceof ApiError) {
        setError(err.message);
        setFields(err.fields);
        if (err.status === 409) onAnswered();
      } else setError(f.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{f.intro}</Text>
        <Text size="sm" c="dimmed">
          {f.scale}
        </Text>
        <Score label={f.usefulness} value={usefulness} onChange={setUsefulness} error={fields.usefulness} />
        {sessions.length > 0 && (
          <Stack gap="sm">
            <Title order={3} size="h5">
              {f.sessions}
            </Title>
            <Text size="sm" c="dimmed">
              {f.sessionsHint}
            </Text>
            {sessions.map((s) => (
              <Score
                key={s.id}
                label={`${s.time} ${s.title}`}
                value={ratings[s.id] ?? 0}
                onChange={(n) => setRatings((r) => ({ ...r, [s.id]: n }))}
              />
            ))}
          </Stack>
        )}
        <Textarea
          label={f.suggestions}
          value={suggestions}
          onChange={(e) => setSuggestions(e.currentTarget.value)}
          maxLength={surveyLimits.suggestions}
          autosize
          minRows={3}
          description={f.chars(suggestions.length, surveyLimits.suggestions)}
          error={fields.suggestions}
        />
        <Textarea
          label={f.topicsWanted}
          value={topicsWanted}
          onChange={(e) => setTopicsWanted(e.currentTarget.value)}
          maxLength={surveyLimits.topicsWanted}
          autosize
          minRows={2}
          description={f.chars(topicsWanted.length, surveyLimits.topicsWanted)}
          error={fields.topicsWanted}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={saving} fullWidth>
          {f.submit}
        </Button>
      </Stack>
    </form>
  );
}
