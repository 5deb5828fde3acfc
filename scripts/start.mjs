// `npm start`: opens the desktop app. Builds first when out/ is missing or older than the sources,
// then runs Electron on out/main/index.js. Electron's npm package fetches its binary on first use:
// when it is missing, its installer runs once; when that cannot download it (no internet), a plain
// message says so and points to `npm run serve`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// MNIST_LAB_ELECTRON_DIR lets a test point at a folder without the binary, whatever this machine has.
const electronDir = process.env.MNIST_LAB_ELECTRON_DIR ?? join(root, 'node_modules', 'electron');

/** The Electron executable, or null when it was never downloaded. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Newest modification time of any file under `path` (0 when absent). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when a built file is missing or older than a source. */
function buildIsStale() {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((f) =>
    join(root, f),
  );
  if (outputs.some((f) => !existsSync(f))) return true;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const sources = ['src', 'electron.vite.config.ts', 'package.json'].map((f) => newestMtime(join(root, f)));
  return Math.max(...sources) > oldestOutput;
}

/** Runs Electron's own installer (what its package does on first use); returns why it failed, or null. */
function downloadElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer))
    return 'its installer, node_modules/electron/install.js, is missing: run npm install';
  console.log('Downloading the Electron binary (once)…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024, // room for its progress output
  });
  if (result.status === 0) return null;
  // The installer fails with a stack trace; keep its one-line reason ("TypeError: fetch failed").
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((line) => line.trim());
  const reason =
    lines.find((line) => /^\w*Error: /.test(line)) ?? lines.find((line) => line && !line.startsWith('at '));
  return (reason ?? `the installer exited with code ${result.status}`).replace(/^\w*Error: /, '');
}

let binary = electronBinary();
if (!binary) {
  const failure = downloadElectron();
  binary = failure === null ? electronBinary() : null;
  if (!binary) {
    console.log(
      `The Electron binary is not installed on this machine and could not be downloaded (${failure ?? 'the installer put nothing in place'}). ` +
        'You can use MNIST Lab in your browser instead: npm run serve',
    );
    process.exit(1);
  }
}

if (buildIsStale()) {
  console.log('Building MNIST Lab (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('The build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

// Electron reads package.json's "main" (out/main/index.js).
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron a plain Node
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
process.on('SIGINT', () => child.kill('SIGINT'));
process.on('SIGTERM', () => child.kill('SIGTERM'));
