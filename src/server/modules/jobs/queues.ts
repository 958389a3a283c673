import type { QueueDefinition } from '../../core/jobs';
import { mailQueue } from '../../core/mailOutbox';
import { releasePublishQueue } from '../releases/publishJob';
import { housekeepingQueue } from '../../core/housekeeping';
import { followUpReminderQueue } from '../outcomes/followUpReminders';
import { certificateQueue } from '../outcomes/certificates';
import { meetingReminderQueue } from '../meetings/reminders';
import { forumDigestQueue } from '../forum/notify';

/**
 * Every queue Simpul runs. A module that needs background work defines its queue with `defineQueue`
 * (core/jobs.ts) and adds it here; the serving process creates the queues and starts one worker each.
 */
export const allQueues: QueueDefinition[] = [
  mailQueue,
  housekeepingQueue,
  meetingReminderQueue,
  followUpReminderQueue,
  certificateQueue,
] as unknown as QueueDefinition[];
/** The forum's daily digest (07.00 WIB). */
allQueues.push(forumDigestQueue as unknown as QueueDefinition);
/** Embargoed releases become public at their time. */
allQueues.push(releasePublishQueue as unknown as QueueDefinition);
