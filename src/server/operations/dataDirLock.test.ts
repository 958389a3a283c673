import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { backup, restore } from './backup';
import { holdDataDir } from './dataDirLock';

const tmp = mkdtempSync(join(tmpdir(), 'simpul-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('one process at a time on the embedded database', () => {
  it('refuses a backup and a restore while Simpul serves the folder, saying who holds it, and writes nothing', async () => {
    const dataDir = join(tmp, 'busy');
    const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'false' });
    const archive = await backup(config, join(tmp, 'good.tar.gz')); // while nobody holds the folder
    const release = holdDataDir(dataDir, 'npm start');
    try {
      const target = join(tmp, 'should-not-exist.tar.gz');
      await expect(backup(config, target)).rejects.toThrow(/sedang dipakai \(npm start, PID \d+\).*Hentikan Simpul terlebih dahulu/);
      expect(existsSync(target)).toBe(false);
      await expect(restore(config, archive)).rejects.toThrow(/sedang dipakai \(npm start/);
      expect(readdirSync(dataDir).filter((n) => n.startsWith('db.'))).toEqual([]);
      expect(() => holdDataDir(dataDir, 'npm start')).toThrow(/sedang dipakai/);
    } finally {
      release();
    }
    expect(existsSync(join(dataDir, 'simpul.pid'))).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = join(tmp, 'stale');
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    holdDataDir(dataDir, 'first')(); // creates the folder
    writeFileSync(join(dataDir, 'simpul.pid'), `${pid}\nnpm start\n`);
    const release = holdDataDir(dataDir, 'npm run backup');
    release();
  });
});
