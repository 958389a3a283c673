import type { audit as base } from '../id/audit';

export const audit: typeof base = {
  title: 'Audit trail',
  description: 'Who changed what, and when. Click a row to see the data before and after.',
  entityType: 'Data type',
  action: 'Action',
  from: 'From date',
  to: 'To date',
  at: 'Time',
  actor: 'Actor',
  entityId: 'Record',
  field: 'Field',
  before: 'Before',
  after: 'After',
  diff: 'Data before and after',
  noDetails: 'No data details.',
};
