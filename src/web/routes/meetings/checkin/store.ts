import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CheckInItem, CheckInRecord, DeviceParticipant, ParticipantList } from '../../../../shared/schemas/checkIn';

/**
 * What a check-in phone keeps in IndexedDB so check-in goes on when the hall's network drops:
 * - `lists`: the meeting's participant list (names, institutions, ticket hashes) as last downloaded;
 * - `queue`: check-ins not yet confirmed by the server, each with its client-generated id (the server
 *   applies an id once, so sending an item again after a lost answer never doubles it);
 * - `arrivals`: who this phone knows to be in (from the server's list, its own scans and sync answers),
 *   so a second scan on the same phone answers "sudah check-in" without the network.
 */
export type QueuedCheckIn = CheckInItem & {
  clientId: string;
  meetingId: string;
  queuedAt: string /** The arrival this item recorded on the phone. */;
  localKey?: string;
};
export type Arrival = CheckInRecord & { meetingId: string; key: string; pending: boolean };

interface CheckInDb extends DBSchema {
  lists: { key: string; value: ParticipantList & { savedAt: string } };
  queue: { key: string; value: QueuedCheckIn; indexes: { byMeeting: string } };
  arrivals: { key: string; value: Arrival; indexes: { byMeeting: string } };
}

let dbPromise: Promise<IDBPDatabase<CheckInDb>> | null = null;
export function checkInDb() {
  dbPromise ??= openDB<CheckInDb>('simpul-checkin', 1, {
    upgrade(db) {
      db.createObjectStore('lists');
      db.createObjectStore('queue', { keyPath: 'clientId' }).createIndex('byMeeting', 'meetingId');
      db.createObjectStore('arrivals', { keyPath: 'key' }).createIndex('byMeeting', 'meetingId');
    },
  });
  return dbPromise;
}

export const arrivalKey = (meetingId: string, registrationId: string, day: string) => `${meetingId}|${registrationId}|${day}`;

export async function saveList(list: ParticipantList) {
  const db = await checkInDb();
  const tx = db.transaction(['lists', 'arrivals'], 'readwrite');
  await tx.objectStore('lists').put({ ...list, savedAt: new Date().toISOString() }, list.meeting.id);
  for (const c of list.checkIns) {
    await tx
      .objectStore('arrivals')
      .put({ ...c, meetingId: list.meeting.id, key: arrivalKey(list.meeting.id, c.registrationId, c.meetingDay), pending: false });
  }
  await tx.done;
}

export async function loadList(meetingId: string) {
  return (await checkInDb()).get('lists', meetingId);
}

export async function queued(meetingId: string): Promise<QueuedCheckIn[]> {
  const all = await (await checkInDb()).getAllFromIndex('queue', 'byMeeting', meetingId);
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function arrivalOf(meetingId: string, registrationId: string, day: string) {
  return (await checkInDb()).get('arrivals', arrivalKey(meetingId, registrationId, day));
}

export async function arrivals(meetingId: string): Promise<Arrival[]> {
  return (await checkInDb()).getAllFromIndex('arrivals', 'byMeeting', meetingId);
}

/** Records an arrival on this phone and queues it for the server, in one IndexedDB transaction. */
export async function recordLocally(item: QueuedCheckIn, arrival: Arrival) {
  const db = await checkInDb();
  const tx = db.transaction(['queue', 'arrivals'], 'readwrite');
  await tx.objectStore('queue').put(item);
  await tx.objectStore('arrivals').put(arrival);
  await tx.done;
}

/** The server answered an item: it leaves the queue; the arrival becomes the one the server recorded. */
export async function settle(meetingId: string, clientId: string, record: CheckInRecord | null, localKey?: string) {
  const db = await checkInDb();
  const tx = db.transaction(['queue', 'arrivals'], 'readwrite');
  await tx.objectStore('queue').delete(clientId);
  if (localKey && !record) await tx.objectStore('arrivals').delete(localKey);
  if (record) {
    await tx
      .objectStore('arrivals')
      .put({ ...record, meetingId, key: arrivalKey(meetingId, record.registrationId, record.meetingDay), pending: false });
  }
  await tx.done;
}

/** An arrival as the server now has it (after a check-out, say). */
export async function putArrival(meetingId: string, record: CheckInRecord) {
  await (await checkInDb()).put('arrivals', {
    ...record,
    meetingId,
    key: arrivalKey(meetingId, record.registrationId, record.meetingDay),
    pending: false,
  });
}

/** sha256 hex of a ticket token, as the server stores it (needs a secure context: https or localhost). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function findById(list: ParticipantList, id: string): DeviceParticipant | undefined {
  return list.participants.find((p) => p.id === id);
}

/** A name for this phone shown to the other phones ("HP-2"), kept across visits. */
export function deviceLabel(): string {
  let label = localStorage.getItem('simpul.checkin.device');
  if (!label) {
    label = `HP-${Math.floor(1000 + Math.random() * 9000)}`;
    localStorage.setItem('simpul.checkin.device', label);
  }
  return label;
}
export function setDeviceLabel(label: string) {
  localStorage.setItem('simpul.checkin.device', label.trim().slice(0, 40) || deviceLabel());
}

export function newClientId(): string {
  return crypto.randomUUID();
}
