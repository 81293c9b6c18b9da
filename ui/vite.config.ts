import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves ui/dist in production; in development it loads this dev server.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: 'localhost' },
  build: {
    target: 'es2022',
    // No source maps in the shipped app; every asset stays local (no remote URLs).
    sourcemap: false,
    assetsInlineLimit: 0,
  },
});
