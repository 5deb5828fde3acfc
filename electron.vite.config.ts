/**
 * electron-vite build of the three parts (npm run build):
 *   main     src/main/electron/index.ts, src/worker/index.ts, src/worker/evaluator.ts,
 *            src/worker/weights-decoder.ts, src/worker/dataset-loader.ts, src/worker/gradient-checker.ts ->
 *            out/main/{index,worker,evaluator,weights-decoder,dataset-loader,gradient-checker}.js as ES modules ("type": "module"): Electron 45's main process
 *            and node:worker_threads both load them; node_modules stay external.
 *   preload  src/preload/index.ts -> out/preload/index.cjs. Sandboxed preloads cannot be ES modules
 *            nor require node_modules, so the method table it derives its bridge from (and zod) is
 *            bundled in.
 *   renderer src/renderer (index.html, React) -> out/renderer, loaded from app:// by Electron and
 *            served by the web bridge (npm run serve).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The renderer's Content-Security-Policy, as a <meta> in the built index.html so it holds under
 * file:// too (Electron sends no headers for files). Only our own scripts; the one connection
 * allowed is the web bridge's WebSocket on this machine. Dev builds skip it (Vite's HMR needs
 * inline scripts).
 */
const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'mnist-lab:csp-meta',
    apply: 'build',
    // Only when index.html brings none of its own (two policies would both apply, the stricter wins).
    transformIndexHtml: (html) =>
      /http-equiv=["']?Content-Security-Policy/i.test(html)
        ? html
        : [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
              injectTo: 'head',
            },
          ],
  };
}

export default defineConfig(({ command }) => ({
  main: {
    // The dev server's URL is honoured only in what `electron-vite dev` (command 'serve') builds.
    define: { __DEV_RENDERER__: JSON.stringify(command === 'serve') },
    build: {
      outDir: 'out/main',
      // Node 20 syntax: the same bundles run in Electron 45 (Node 22) and under plain Node.
      target: 'node20.19',
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          worker: resolve('src/worker/index.ts'),
          evaluator: resolve('src/worker/evaluator.ts'),
          'weights-decoder': resolve('src/worker/weights-decoder.ts'),
          'dataset-loader': resolve('src/worker/dataset-loader.ts'),
          // Gradient check in the app (issue 13)
          'gradient-checker': resolve('src/worker/gradient-checker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
}));
