import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database belongs to one process at a time: PGlite keeps no lock of its own, and a backup taken while
 * the server writes is not consistent. Whoever opens DATA_DIR (the server, a backup, a restore, a migration) holds
 * `DATA_DIR/simpul.pid`, created exclusively; a second one is refused with a message that says who holds it.
 * A file left by a process that died (kill -9, power loss) names a PID that no longer runs, and is taken over.
 */
export class DataDirBusyError extends Error {}

const lockFile = (dataDir: string) => join(dataDir, 'simpul.pid');

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder for this process; returns the release function. Throws DataDirBusyError when taken. */
export function holdDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n${what}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pidText, holder = 'proses lain'] = readFileSync(file, 'utf8').split('\n');
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && running(pid)) {
        throw new DataDirBusyError(
          `Basis data tertanam di ${dataDir} sedang dipakai (${holder.trim() || 'proses lain'}, PID ${pid}). ` +
            'Hentikan Simpul terlebih dahulu (Ctrl+C atau kill PID tersebut), lalu ulangi perintah ini.',
        );
      }
      rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new DataDirBusyError(`Basis data tertanam di ${dataDir} sedang diambil alih proses lain; ulangi sebentar lagi.`);
}

/** Runs fn while holding the data folder. */
export async function withDataDir<T>(dataDir: string, what: string, fn: () => Promise<T>): Promise<T> {
  const release = holdDataDir(dataDir, what);
  try {
    return await fn();
  } finally {
    release();
  }
}
