import type { Messages } from '../index';
import { common as enCommon } from './common';
import { auth as enAuth } from './auth';
import { home as enHome } from './home';
import { directory as enDirectory } from './directory';
import { importer as enImporter } from './importer';
import { users as enUsers } from './users';
import { audit as enAudit } from './audit';
import { account as enAccount } from './account';
import { activityStatus as enActivityStatus } from './activityStatus';
import { settings as enSettings } from './settings';
import { jobs as enJobs } from './jobs';

/** The English dictionaries, one chunk loaded when English is chosen (src/web/i18n/index.ts). */
export const en: Messages = {
  common: enCommon,
  auth: enAuth,
  home: enHome,
  directory: enDirectory,
  importer: enImporter,
  users: enUsers,
  audit: enAudit,
  account: enAccount,
  activityStatus: enActivityStatus,
  settings: enSettings,
  jobs: enJobs,
};
