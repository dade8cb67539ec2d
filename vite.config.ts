/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { browserGatePlugin } from './scripts/vite/browser-gate-plugin.ts';
import { cspPlugin } from './scripts/vite/csp-plugin.ts';
import { earlyStoragePlugin } from './scripts/vite/early-storage-plugin.ts';
import { serviceWorkerPlugin } from './scripts/vite/service-worker-plugin.ts';
import { BUILD_TARGET, inlineFonts, workerOptions } from './scripts/vite/shared.ts';

// The intranet build (dist/): any static server, any sub-path (base './'), offline after the first
// visit through dist/sw.js. The single HTML file is built by vite.singlefile.config.ts.
export default defineConfig({
  base: './',
  // pdf.js's Chinese CMaps, carried inside the importer's file reader (src/import/files/cmaps.browser.ts).
  assetsInclude: ['**/*.bcmap'],
  plugins: [browserGatePlugin(), preact(), serviceWorkerPlugin(), earlyStoragePlugin(), cspPlugin()],
  build: {
    target: BUILD_TARGET,
    assetsInlineLimit: inlineFonts,
    // The PDF worker's chunk carries both fonts (~4.3 MB); it loads on the first export only.
    chunkSizeWarningLimit: 5_000,
  },
  worker: workerOptions,
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // Behaviour, not speed, is under test: a shared CI machine may take more than vitest's 5 s default.
    testTimeout: 30_000,
  },
});
