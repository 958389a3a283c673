import { describe, expect, it } from 'vitest';
import { z } from '../zod';
import { createInstitutionInput } from './directory';

const fieldMessage = (input: unknown, field: string) =>
  createInstitutionInput.safeParse(input).error?.issues.find((i) => i.path[0] === field)?.message;

describe('required choices', () => {
  it('an empty category says it must be chosen; an unknown one that it is unknown', () => {
    expect(fieldMessage({ name: 'Lembaga' }, 'category')).toBe('Kategori wajib dipilih');
    expect(fieldMessage({ name: 'Lembaga', category: '' }, 'category')).toBe('Kategori wajib dipilih');
    expect(fieldMessage({ name: 'Lembaga', category: null }, 'category')).toBe('Kategori wajib dipilih');
    expect(fieldMessage({ name: 'Lembaga', category: 'kementerian' }, 'category')).toMatch(/^Kategori tidak dikenal \(pilihan: /);
  });

  it('any required enum left empty says "Wajib dipilih" rather than listing the choices', () => {
    const role = z.object({ role: z.enum(['admin', 'member']) });
    expect(role.safeParse({}).error?.issues[0]?.message).toBe('Wajib dipilih');
    expect(role.safeParse({ role: '' }).error?.issues[0]?.message).toBe('Wajib dipilih');
    expect(role.safeParse({ role: 'boss' }).error?.issues[0]?.message).toContain('Pilihan tidak valid');
  });
});
