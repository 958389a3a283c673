import type {
  Institution as InstitutionOut,
  InstitutionDetail as InstitutionDetailOut,
  Officer as OfficerOut,
  PrFunctionalLevel,
} from '../../../shared/schemas/directory';

/** JSON turns the server's Date fields into ISO strings. */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

export type Institution = Wire<InstitutionOut>;
export type InstitutionDetail = Wire<InstitutionDetailOut>;
export type Officer = Wire<OfficerOut>;
export type { PrFunctionalLevel };

/** Order of the Pranata Humas levels (labels are in the i18n dictionaries, typed by the shared union). */
export const prLevels: PrFunctionalLevel[] = ['terampil', 'mahir', 'penyelia', 'ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama'];

export const institutionKey = (id: string) => ['institution', id] as const;
export const officersKey = (id: string) => ['institution', id, 'officers'] as const;
