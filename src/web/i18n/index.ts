import { useSyncExternalStore } from 'react';
import { common as idCommon } from './id/common';
import { auth as idAuth } from './id/auth';
import { home as idHome } from './id/home';
import { directory as idDirectory } from './id/directory';
import { importer as idImporter } from './id/importer';
import { users as idUsers } from './id/users';
import { audit as idAudit } from './id/audit';
import { account as idAccount } from './id/account';
import { activityStatus as idActivityStatus } from './id/activityStatus';
import { settings as idSettings } from './id/settings';
import { jobs as idJobs } from './id/jobs';

/**
 * One typed dictionary per area (src/web/i18n/{id,en}/<area>.ts). Indonesian is the reference shape;
 * the English files must have the same keys (the type checker enforces it). To add an area: create both
 * files and add one entry to each object below. Texts of an area that only lazy pages show (activities, meetings,
 * check-in, outcomes, forum, releases) stay out of this dictionary: src/web/i18n/areaTexts.ts.
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
  activityStatus: idActivityStatus,
  settings: idSettings,
  jobs: idJobs,
};
export type Messages = typeof id;

export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];

/**
 * English is loaded only when someone chooses it (its own chunk): every page's first load carries one
 * language, not two (test/e2e/budget.spec.ts holds it to 200 KB).
 */
let english: Messages | null = null;
async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' && !english) english = (await import('./en/index')).en;
}
function messagesOf(lang: Lang): Messages {
  return lang === 'en' && english ? english : id;
}

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

let current: Lang = 'id';
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function getLang(): Lang {
  return current;
}

function apply(lang: Lang) {
  current = lang;
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}

/** Resolves once the remembered language's texts are loaded: main.tsx renders after it (no flash of Indonesian). */
export const languageReady: Promise<void> =
  readStored() === 'en'
    ? loadLanguage('en').then(
        () => apply('en'),
        () => {}, // offline on first visit: Indonesian it is
      )
    : Promise.resolve();

/** Switches the language for the whole app (once its texts are loaded), remembers it, and updates <html lang>. */
export function setLang(lang: Lang) {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void loadLanguage(lang).then(() => apply(lang));
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
  return messagesOf(useLang());
}
