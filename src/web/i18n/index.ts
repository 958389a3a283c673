import { useSyncExternalStore } from 'react';
import { common as idCommon } from './id/common';
import { auth as idAuth } from './id/auth';
import { home as idHome } from './id/home';
import { directory as idDirectory } from './id/directory';
import { importer as idImporter } from './id/importer';
import { users as idUsers } from './id/users';
import { audit as idAudit } from './id/audit';
import { account as idAccount } from './id/account';
import { activities as idActivities } from './id/activities';
import { settings as idSettings } from './id/settings';
import { jobs as idJobs } from './id/jobs';
import { checkIn as idCheckIn } from './id/checkIn';
import { outcomes as idOutcomes } from './id/outcomes';
import { meetings as idMeetings } from './id/meetings';
import { common as enCommon } from './en/common';
import { auth as enAuth } from './en/auth';
import { home as enHome } from './en/home';
import { directory as enDirectory } from './en/directory';
import { importer as enImporter } from './en/importer';
import { users as enUsers } from './en/users';
import { audit as enAudit } from './en/audit';
import { account as enAccount } from './en/account';
import { activities as enActivities } from './en/activities';
import { settings as enSettings } from './en/settings';
import { jobs as enJobs } from './en/jobs';
import { checkIn as enCheckIn } from './en/checkIn';
import { outcomes as enOutcomes } from './en/outcomes';
import { meetings as enMeetings } from './en/meetings';

/**
 * One typed dictionary per area (src/web/i18n/{id,en}/<area>.ts). Indonesian is the reference shape;
 * the English files must have the same keys (the type checker enforces it). To add an area: create both
 * files and add one entry to each object below.
 */
const id = {
  common: idCommon,
  auth: idAuth,
  home: idHome,
  directory: idDirectory,
  importer: idImporter,
  users: idUsers,
  audit: idAudit,
  account: idAccount,
  activities: idActivities,
  settings: idSettings,
  jobs: idJobs,
  checkIn: idCheckIn,
  outcomes: idOutcomes,
  meetings: idMeetings,
};
export type Messages = typeof id;
const en: Messages = {
  common: enCommon,
  auth: enAuth,
  home: enHome,
  directory: enDirectory,
  importer: enImporter,
  users: enUsers,
  audit: enAudit,
  account: enAccount,
  activities: enActivities,
  settings: enSettings,
  jobs: enJobs,
  checkIn: enCheckIn,
  outcomes: enOutcomes,
  meetings: enMeetings,
};

export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];
export const dictionaries: Record<Lang, Messages> = { id, en };

const storageKey = 'simpul.lang';
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    const v = localStorage.getItem(storageKey);
    return v === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let current: Lang = readStored();
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function getLang(): Lang {
  return current;
}

/** Switches the language for the whole app, remembers it, and updates <html lang>. */
export function setLang(lang: Lang) {
  current = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}

/** The messages of the current language: `const t = useT(); t.directory.title`. */
export function useT(): Messages {
  return dictionaries[useLang()];
}
