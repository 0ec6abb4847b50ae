// Validates PipelineGuard's SARIF golden file with Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool)
// and records the result in sarif-validation.txt. Not run in CI (CI checks the JSON schema only).
//
//   cd tools/oracles/escaping && npm install && node validate-sarif.mjs [file.sarif]
//
// Rules: the SARIF spec rules and GitHub ingestion rules ("Gh"), all levels (notes are style advice).
// The Multitool exits 0 even when it reports errors, so its output is searched for ": error " / ": warning ".
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.resolve(process.argv[2] ?? path.join(here, '../../../tests/PipelineGuard.Tests/TestData/golden/examples.sarif'));
const tool = path.join(here, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'pg-sarif-')), 'validation.sarif');
const run = spawnSync(tool, ['validate', target, '-o', log, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note'], { encoding: 'utf8' });
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
const problems = output.split('\n').filter((l) => /: (error|warning) /.test(l));
const results = JSON.parse(readFileSync(log, 'utf8')).runs.flatMap((r) => r.results ?? []);
const version = JSON.parse(readFileSync(path.join(here, 'node_modules/@microsoft/sarif-multitool/package.json'), 'utf8')).version;
const record = [
  `SARIF Multitool ${version} validate ${path.relative(path.join(here, '../../..'), target)}`,
  `exit code ${run.status}; ${problems.length} error/warning lines; ${results.length} results in the validation log`,
  ...results.map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${r.message?.text ?? JSON.stringify(r.message)}`),
  '--- output ---',
  output.trim(),
  '',
].join('\n');
writeFileSync(path.join(here, 'sarif-validation.txt'), record.replaceAll(path.resolve(here, '../../..') + '/', '').replaceAll(os.tmpdir(), '$TMP'));
process.stdout.write(record);
process.exit(problems.length === 0 ? 0 : 1);
