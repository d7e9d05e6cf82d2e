import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Multi-page build of the analyst pages. Run from the repository root:
//   npx vite build --config web/vite.config.ts
// Output goes to web/dist (git-ignored); the API server serves it next to POST /graphql.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  // esbuild turns .tsx into React's automatic JSX runtime (no plugin needed).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // GraphiQL and CodeMirror are large; they only load on /playground.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        // Radix UI (inside GraphiQL) marks its modules "use client"; meaningless outside React Server Components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        index: resolve(root, 'index.html'),
        explore: resolve(root, 'explore.html'),
        map: resolve(root, 'map.html'),
        playground: resolve(root, 'playground.html'),
        review: resolve(root, 'review.html'),
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` for development against a running API.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
