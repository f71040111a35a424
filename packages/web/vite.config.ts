import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Run from the repository root: `vite build --config packages/web/vite.config.ts`.
// `root` is this folder whatever the working directory, so the build lands in packages/web/dist,
// which the API server serves (index.html for every client route that is not /api/...).
const root = fileURLToPath(new URL('.', import.meta.url));
const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0, // keep the Khmer font files as separate, cacheable assets
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
