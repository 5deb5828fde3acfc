/** Replaced at build time by electron.vite.config.ts: true only in `electron-vite dev`'s main bundle. */
declare const __DEV_RENDERER__: boolean;
