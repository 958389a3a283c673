import { loadConfig, ConfigError, type Config } from './config';
import { migrate, openDatabase, type Database } from './db/client';
import { buildApp } from './app';
import { ensureAdmin } from './seed/admin';
import { seedDemo, seedReference } from './seed/index';
import { backup, restore } from './operations/backup';
import { DataDirBusyError, holdDataDir } from './operations/dataDirLock';
import { installJobs } from './core/jobs';
import { allQueues } from './modules/jobs/queues';

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  // The job queue's own schema (pgboss) and Simpul's queues; about 50 ms the first time, then a check.
  await installJobs(database, allQueues);
  return database;
}

async function serve(config: Config) {
  const started = Date.now();
  // The embedded database is this process's alone while it serves: a backup, restore or second server is refused.
  const release = config.databaseUrl ? () => {} : holdDataDir(config.dataDir, 'npm start');
  const database = await open(config);
  if (config.demo) await seedDemo(database.db);
  const admin = await ensureAdmin(database.db, config);
  // buildApp starts the job queue's workers and schedules (mail, hourly housekeeping); app.close() stops them.
  const app = await buildApp({ config, database });
  const shutdown = async () => {
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tertanam di ${config.dataDir}`;
  console.log(`\nSimpul berjalan di ${config.publicUrl}  (basis data: ${where}, siap dalam ${Date.now() - started} ms)`);
  console.log(`Aplikasi: ${config.publicUrl}/app/   Dokumentasi API: ${config.publicUrl}/api/docs`);
  if (admin?.password) {
    console.log(`\nAkun administrator dibuat: ${admin.email}\nKata sandi (ditampilkan sekali ini saja): ${admin.password}\n`);
  } else if (admin) {
    console.log(`Masuk sebagai ${admin.email}.`);
  } else {
    console.log('Belum ada ADMIN_EMAIL/ADMIN_PASSWORD: setel keduanya untuk membuat administrator pertama.');
  }
}

async function main() {
  const [command = 'serve', arg] = process.argv.slice(2);
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
    case 'seed-reference':
    case 'seed-demo': {
      const release = config.databaseUrl ? () => {} : holdDataDir(config.dataDir, `npm run ${command}`);
      const database = await open(config);
      if (command === 'seed-reference') await seedReference(database.db);
      if (command === 'seed-demo') await seedDemo(database.db);
      const admin = await ensureAdmin(database.db, config);
      if (admin?.password) console.log(`Administrator ${admin.email}, kata sandi: ${admin.password}`);
      await database.close();
      release();
      console.log(`${command}: selesai`);
      return;
    }
    case 'backup':
      return backup(config, arg);
    case 'restore':
      if (!arg) throw new Error('Pemakaian: npm run restore BERKAS');
      return restore(config, arg);
    default:
      console.error(`Perintah tidak dikenal: ${command}. Pilihan: serve | migrate | seed-reference | seed-demo | backup | restore`);
      process.exit(2);
  }
}

main().catch((e) => {
  // A busy data folder is the user's situation, not a bug: say it without a stack trace.
  console.error(e instanceof DataDirBusyError ? e.message : e);
  process.exit(1);
});
