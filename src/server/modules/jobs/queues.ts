import type { QueueDefinition } from '../../core/jobs';
import { mailQueue } from '../../core/mailOutbox';
import { housekeepingQueue } from '../../core/housekeeping';
import { meetingReminderQueue } from '../meetings/reminders';

/**
 * Every queue Simpul runs. A module that needs background work defines its queue with `defineQueue`
 * (core/jobs.ts) and adds it here; the serving process creates the queues and starts one worker each.
 */
export const allQueues: QueueDefinition[] = [mailQueue, housekeepingQueue, meetingReminderQueue] as unknown as QueueDefinition[];
