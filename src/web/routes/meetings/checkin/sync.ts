import { ApiError, call, client } from '../../../api';
import type { CheckInBatchOutput } from '../../../../shared/schemas/checkIn';
import { queued, settle, type QueuedCheckIn } from './store';

export type SyncOutcome = {
  sent: number;
  /** Answers worth showing: "already checked in by another phone", refusals. */
  notes: { clientId: string; message: string }[];
  /** Why the queue could not be emptied (network down, session ended), or null. */
  stopped: 'network' | 'login' | 'refused' | null;
};

const chunkSize = 200;
let running: Promise<SyncOutcome> | null = null;

/** The item as the API takes it (the local bookkeeping fields stay on the phone). */
function wire(q: QueuedCheckIn) {
  return { clientId: q.clientId, ticket: q.ticket, registrationId: q.registrationId, scannedAt: q.scannedAt, deviceLabel: q.deviceLabel };
}

async function run(meetingId: string): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { sent: 0, notes: [], stopped: null };
  const items = await queued(meetingId);
  for (let i = 0; i < items.length; i += chunkSize) {
    const chunk = items.slice(i, i + chunkSize);
    let answer: CheckInBatchOutput;
    try {
      answer = (await call(
        client.POST('/api/meetings/{meetingId}/check-ins/sync', { params: { path: { meetingId } }, body: { items: chunk.map(wire) } }),
      )) as CheckInBatchOutput;
    } catch (err) {
      // Kept in the queue: the same client ids are sent again later, and the server applies each once.
      const status = err instanceof ApiError ? err.status : 0;
      outcome.stopped = status === 401 ? 'login' : status === 0 || status >= 500 ? 'network' : 'refused';
      if (outcome.stopped === 'refused') outcome.notes.push({ clientId: '', message: err instanceof Error ? err.message : String(err) });
      return outcome;
    }
    for (const [j, r] of answer.results.entries()) {
      const q = chunk[j]!;
      if (r.ok) {
        await settle(meetingId, r.clientId, r.checkIn);
        if (r.status === 'already' && r.checkIn.deviceLabel !== q.deviceLabel)
          outcome.notes.push({ clientId: r.clientId, message: r.message });
      } else {
        await settle(meetingId, r.clientId, null, q.localKey);
        outcome.notes.push({ clientId: r.clientId, message: r.error.message });
      }
      outcome.sent += 1;
    }
  }
  return outcome;
}

/**
 * Sends this phone's queued check-ins for the meeting. One sync at a time per phone (tabs included, through
 * the Web Locks API where the browser has it); an item leaves the queue only once the server has answered it.
 */
export function syncQueue(meetingId: string): Promise<SyncOutcome> {
  if (running) return running;
  const go = () => run(meetingId);
  const locks = (navigator as Navigator & { locks?: { request: (name: string, fn: () => Promise<SyncOutcome>) => unknown } }).locks;
  const started: Promise<SyncOutcome> = (
    locks ? (locks.request(`simpul-checkin-sync-${meetingId}`, go) as unknown as Promise<SyncOutcome>) : go()
  ).finally(() => {
    running = null;
  });
  running = started;
  return started;
}
