import type { Session } from './testApp';

/**
 * A budget line, committee or speaker write that names the activity's current version, as the SPA does with
 * the activity it has loaded. Tests of the version rule itself send versions explicitly instead.
 */
export async function childWrite(s: Session, method: 'POST' | 'PATCH' | 'DELETE', activityId: string, path: string, body: object = {}) {
  const current = await s.request('GET', `/api/activities/${activityId}`);
  const version = current.statusCode === 200 ? (current.json() as { version: number }).version : 1;
  if (method === 'DELETE') return s.request('DELETE', `/api/activities/${activityId}/${path}?version=${version}`);
  return s.request(method, `/api/activities/${activityId}/${path}`, { ...body, version });
}
