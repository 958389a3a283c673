import { describe, expect, it } from 'vitest';
import { memberTasks } from './memberTasks';

const complete = { email: 'humas@padang.go.id', phone: '+6275172590', address: 'Jl. Bagindo Aziz Chan 1' };
const officer = (
  over: Partial<{ id: string; name: string; active: boolean; isMainContact: boolean; email: string | null; phone: string | null }> = {},
) => ({
  id: 'o1',
  name: 'Sari',
  active: true,
  isMainContact: true,
  email: 'sari@padang.go.id',
  phone: '+6281234567890',
  ...over,
});

describe('what a member officer is asked to do', () => {
  it('asks nothing of an institution whose data is complete', () => {
    expect(memberTasks(complete, [officer()])).toEqual([]);
  });

  it('asks for an officer when there is none active, not for a main contact among none', () => {
    expect(memberTasks(complete, [])).toEqual([{ kind: 'addOfficer' }]);
    expect(memberTasks(complete, [officer({ active: false, isMainContact: false })])).toEqual([{ kind: 'addOfficer' }]);
  });

  it('asks for a main contact, and names the active officers without phone or e-mail', () => {
    const tasks = memberTasks({ ...complete, phone: null, address: null }, [
      officer({ id: 'a', name: 'Andi', isMainContact: false, phone: null }),
      officer({ id: 'b', name: 'Budi', isMainContact: false, email: null, phone: null }),
      officer({ id: 'c', name: 'Citra', active: false, isMainContact: false, email: null, phone: null }),
    ]);
    expect(tasks).toEqual([
      { kind: 'mainContact' },
      {
        kind: 'officerPhone',
        officers: [
          { id: 'a', name: 'Andi' },
          { id: 'b', name: 'Budi' },
        ],
      },
      { kind: 'officerEmail', officers: [{ id: 'b', name: 'Budi' }] },
      { kind: 'institutionContact', missing: ['phone', 'address'] },
    ]);
  });
});
