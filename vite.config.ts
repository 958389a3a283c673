import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest|map)$/;

/**
 * Writes `file.br` and `file.gz` next to every compressible file of the build (at the highest levels: it runs
 * once per build), so @fastify/static `preCompressed` serves them without compressing on each request.
 * Files under `threshold` bytes, or that do not shrink, are left alone.
 */
function precompress(opts: { threshold?: number } = {}): Plugin {
  const threshold = opts.threshold ?? 1024;
  let outDir = '';
  return {
    name: 'simpul-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => compressible.test(name))
          .map(async (name) => {
            const file = join(outDir, name);
            const raw = await readFile(file);
            if (raw.length < threshold) return;
            const [br, gzipped] = await Promise.all([
              brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gz(raw, { level: 9 }),
            ]);
            if (br.length < raw.length) await writeFile(`${file}.br`, br);
            if (gzipped.length < raw.length) await writeFile(`${file}.gz`, gzipped);
          }),
      );
    },
  };
}
export default defineConfig({
  root: 'src/web',
  base: '/app/',
  // Brotli and gzip copies of every asset, served as they are by @fastify/static (preCompressed).
  plugins: [react(), precompress()],
  // WEB_DIST (relative to the repository root) lets several browser-test runs on one machine build side by side.
  build: { outDir: resolve(process.cwd(), process.env.WEB_DIST ?? 'dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
