/**
 * What a member officer is asked to do for their institution, computed from its stored data only (no fixed or
 * sample items): the institution's own contact details, at least one active officer, a main contact, and a
 * phone/WhatsApp number and an e-mail for every active officer. An empty list means nothing is missing.
 */
export type MemberTask =
  | { kind: 'institutionContact'; missing: ('email' | 'phone' | 'address')[] }
  | { kind: 'addOfficer' }
  | { kind: 'mainContact' }
  | { kind: 'officerPhone'; officers: { id: string; name: string }[] }
  | { kind: 'officerEmail'; officers: { id: string; name: string }[] };

type InstitutionData = { email: string | null; phone: string | null; address: string | null };
type OfficerData = { id: string; name: string; active: boolean; isMainContact: boolean; email: string | null; phone: string | null };

export function memberTasks(institution: InstitutionData, officers: readonly OfficerData[]): MemberTask[] {
  const tasks: MemberTask[] = [];
  const active = officers.filter((o) => o.active);
  if (!active.length) tasks.push({ kind: 'addOfficer' });
  else if (!active.some((o) => o.isMainContact)) tasks.push({ kind: 'mainContact' });
  const who = (list: OfficerData[]) => list.map((o) => ({ id: o.id, name: o.name }));
  const noPhone = active.filter((o) => !o.phone);
  if (noPhone.length) tasks.push({ kind: 'officerPhone', officers: who(noPhone) });
  const noEmail = active.filter((o) => !o.email);
  if (noEmail.length) tasks.push({ kind: 'officerEmail', officers: who(noEmail) });
  const missing = (['email', 'phone', 'address'] as const).filter((k) => !institution[k]);
  if (missing.length) tasks.push({ kind: 'institutionContact', missing: [...missing] });
  return tasks;
}
