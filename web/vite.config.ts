// Builds web/dist: index.html plus hashed assets under dist/assets/, served by `huidig serve`.
// The server's CSP allows no inline script or style, so nothing may be inlined: the module
// preload polyfill (an inline-free but extra script) is off and assets are never data: URLs.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    cssCodeSplit: false,
  },
  server: {
    // `npm run dev` with a local `huidig serve` on :8080 behind it.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
