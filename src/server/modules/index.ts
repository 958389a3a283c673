import type { FastifyPluginAsync } from 'fastify';
import { systemRoutes } from './system/routes';
import { authRoutes } from './auth/routes';
import { userRoutes } from './users/routes';
import { auditRoutes } from './audit/routes';
import { directoryRoutes } from './directory/routes';
import { settingsRoutes } from './settings/routes';
import { publicRoutes } from '../public/routes';
import { activityRoutes } from './activities/routes';
import { releaseRoutes } from './releases/routes';
import { importRoutes } from './activities/importRoutes';
import { activityDocumentRoutes } from './activities/documentRoutes';
import { meetingRoutes } from './meetings/routes';
import { rsvpRoutes } from './meetings/rsvpRoutes';
import { checkInRoutes } from './meetings/checkInRoutes';
import { outcomeRoutes } from './outcomes/routes';
import { minutesRoutes } from './minutes/routes';
import { jobRoutes } from './jobs/routes';
import { forumRoutes } from './forum/routes';
import { materialRoutes } from './materials/routes';
import { surveyRoutes } from './survey/routes';

/** Every area's routes; add a module here to mount it. */
export const modules: FastifyPluginAsync[] = [
  systemRoutes,
  authRoutes,
  userRoutes,
  auditRoutes,
  directoryRoutes,
  settingsRoutes,
  publicRoutes,
  activityRoutes,
  releaseRoutes,
  importRoutes,
  activityDocumentRoutes,
  jobRoutes,
  checkInRoutes,
  meetingRoutes,
  outcomeRoutes,
  minutesRoutes,
  rsvpRoutes,
  forumRoutes,
  materialRoutes,
  surveyRoutes,
] as FastifyPluginAsync[];
