import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/vitePrecompress';

export default defineConfig({
  root: 'src/web',
  base: '/app/',
  // Brotli and gzip copies of every asset, served as they are by @fastify/static (preCompressed).
  plugins: [react(), precompress()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
