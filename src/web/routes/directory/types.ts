import type { Answer, Item } from '../../api';
import type { PrFunctionalLevel } from '../../../shared/schemas/directory';

/** The directory's answers as the OpenAPI document describes them (dates arrive as ISO strings). */
export type Institution = Item<'/api/institutions'>;
export type InstitutionDetail = Answer<'/api/institutions/{id}', 'get'>;
export type Officer = Answer<'/api/officers/{id}', 'get'>;
export type { PrFunctionalLevel };

/** Order of the Pranata Humas levels (labels are in the i18n dictionaries, typed by the shared union). */
export const prLevels: PrFunctionalLevel[] = ['terampil', 'mahir', 'penyelia', 'ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama'];

export const institutionKey = (id: string) => ['institution', id] as const;
export const officersKey = (id: string) => ['institution', id, 'officers'] as const;
