/** Institution categories of the forum's members (see DOMAIN.md). */
export const institutionCategories = [
  'vertical_agency',
  'regency_city',
  'non_departmental',
  'university',
  'bumn',
  'bumd',
  'provincial_agency',
  'bureau',
] as const;
export type InstitutionCategory = (typeof institutionCategories)[number];

export const categoryLabels: Record<InstitutionCategory, { id: string; en: string }> = {
  vertical_agency: { id: 'Badan/Lembaga Vertikal', en: 'Vertical agency' },
  regency_city: { id: 'Pemerintah Kabupaten/Kota', en: 'Regency/city government' },
  non_departmental: { id: 'Lembaga Pemerintah Non Kementerian', en: 'Non-departmental government body' },
  university: { id: 'Perguruan Tinggi', en: 'University' },
  bumn: { id: 'BUMN', en: 'State-owned enterprise (BUMN)' },
  bumd: { id: 'BUMD', en: 'Regional-government-owned enterprise (BUMD)' },
  provincial_agency: { id: 'OPD Provinsi', en: 'Provincial agency' },
  bureau: { id: 'Biro Humas', en: 'PR bureau' },
};
