// `npm run lint:electron`: electronegativity (Doyensec's Electron security scanner) over src/.
// Fails on any MEDIUM, HIGH or CRITICAL finding; a finding that only asks for a review is reviewed
// in the code and marked there with `eng-disable <CHECK>` and the reason. LOW findings are listed.
import Papa from 'papaparse';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(dir, 'findings.csv');
const run = spawnSync(
  process.execPath,
  [cli, '-i', join(root, 'src'), '-r', '-v', 'false', '-e', electronVersion, '-o', csv],
  { encoding: 'utf8', timeout: 180_000 },
);
if (run.status !== 0) {
  console.error(`electronegativity did not run (exit ${run.status ?? run.signal}):\n${run.stderr}`);
  process.exit(1);
}
// issue, severity, confidence, filename, location, ... (quoted CSV whose sample column may hold
// commas and line breaks: parsed by papaparse, not split by hand)
const rows = Papa.parse(readFileSync(csv, 'utf8').trim(), { skipEmptyLines: true }).data.slice(1);
rmSync(dir, { recursive: true, force: true });
const findings = rows.map(([check, severity, confidence, file, location]) => ({
  check,
  severity,
  confidence,
  file,
  location,
}));
const blocking = findings.filter((f) => f.severity !== 'LOW' && f.severity !== 'INFORMATIONAL');
for (const f of findings)
  console.log(
    `${blocking.includes(f) ? 'FAIL' : 'low '} ${f.check} (${f.severity}, ${f.confidence}) src/${f.file}:${f.location}`,
  );
console.log(
  `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${blocking.length} medium or above`,
);
process.exit(blocking.length > 0 ? 1 : 0);
