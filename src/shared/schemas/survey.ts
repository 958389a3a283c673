import { optionalText, uuid, z } from '../zod';

/** Shapes of the participant's ticket page and the feedback survey (issue 10). */

export const surveyLimits = { suggestions: 2000, topicsWanted: 1000, sessions: 100 } as const;

/** Any string up to 200 characters: a token that is not a ticket's, short or long, is simply not found (404). */
export const ticketTokenParams = z.object({ token: z.string().min(1).max(200) });

/** Where the survey stands for one participant. */
export const surveyStates = ['not_started', 'not_checked_in', 'open', 'answered', 'closed'] as const;
export type SurveyState = (typeof surveyStates)[number];

const score = (label: string) =>
  z
    .number({ error: `${label} wajib diisi (1-5)` })
    .int(`${label} harus bilangan bulat 1-5`)
    .min(1, `${label} minimal 1`)
    .max(5, `${label} maksimal 5`);

export const surveyAnswerBody = z.strictObject({
  usefulness: score('Nilai kebermanfaatan'),
  sessionRatings: z
    .array(z.strictObject({ sessionId: uuid(), rating: score('Nilai sesi') }))
    .max(surveyLimits.sessions, `Maksimal ${surveyLimits.sessions} sesi`)
    .default([]),
  suggestions: optionalText(surveyLimits.suggestions),
  topicsWanted: optionalText(surveyLimits.topicsWanted),
});
export type SurveyAnswer = z.output<typeof surveyAnswerBody>;

export const ticketViewOutput = z.object({
  name: z.string(),
  position: z.string().nullable(),
  institution: z.string().nullable(),
  meeting: z.object({
    title: z.string(),
    status: z.string(),
    dateText: z.string(),
    timeText: z.string(),
    venue: z.string(),
    venueAddress: z.string().nullable(),
    sessions: z.array(z.object({ id: z.string(), time: z.string(), day: z.string().nullable(), title: z.string() })),
  }),
  checkedIn: z.boolean(),
  qrUrl: z.string(),
  ticketPdfUrl: z.string(),
  calendarUrl: z.string(),
  certificateUrl: z.string().nullable(),
  survey: z.object({ state: z.enum(surveyStates), answeredAt: z.string().nullable() }),
});
export type TicketView = z.infer<typeof ticketViewOutput>;

export const surveyAnswerOutput = z.object({ id: z.string(), answeredAt: z.string() });

const distribution = z.array(z.number().int()).length(5);
export const surveyResultsOutput = z.object({
  meeting: z.object({ id: z.string(), title: z.string(), status: z.string() }),
  responses: z.number().int(),
  attendees: z.number().int(),
  usefulness: z.object({ average: z.number().nullable(), distribution }),
  sessions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      time: z.string(),
      count: z.number().int(),
      average: z.number().nullable(),
      distribution,
    }),
  ),
  answers: z.array(
    z.object({
      id: z.string(),
      usefulness: z.number().int(),
      suggestions: z.string().nullable(),
      topicsWanted: z.string().nullable(),
      institution: z.string().nullable(),
      forwardedAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  can: z.object({ forward: z.boolean() }),
});
export type SurveyResults = z.infer<typeof surveyResultsOutput>;

export const surveyMeetingParams = z.object({ id: uuid() });
export const surveyResponseParams = z.object({ id: uuid() });
export const forwardSuggestionBody = z.strictObject({ categoryId: uuid().optional() });
export const forwardSuggestionOutput = z.object({ topicId: z.string(), forwardedAt: z.string() });
