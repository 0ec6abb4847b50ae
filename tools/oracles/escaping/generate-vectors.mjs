// Asks the real GitHub Actions toolkit (@actions/core) and the real Azure Pipelines task library
// (azure-pipelines-task-lib) how they write workflow / logging commands for hundreds of hostile strings,
// and writes their exact output lines to tests/PipelineGuard.Tests/Vectors/escaping/commands.json.
// PipelineGuard's CommandEscaping must produce the same lines (CommandEscapingOracleTests).
//
//   cd tools/oracles/escaping && npm install && node generate-vectors.mjs
//
// @actions/core 3.x is ESM-only (hence .mjs); the task library is CommonJS and prints a few
// ##vso[task.debug] lines while loading, which are discarded before capturing.
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import * as core from '@actions/core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../../tests/PipelineGuard.Tests/Vectors/escaping/commands.json');

// --- capture ------------------------------------------------------------------------------------
let captured = [];
const realWrite = process.stdout.write.bind(process.stdout);
function capture(fn) {
  captured = [];
  process.stdout.write = (chunk) => { captured.push(String(chunk)); return true; };
  try { fn(); } finally { process.stdout.write = realWrite; }
  const text = captured.join('');
  if (!text.endsWith(os.EOL)) throw new Error('expected one line ending in EOL, got ' + JSON.stringify(text));
  return text.slice(0, -os.EOL.length);
}

// Loading the task library prints debug lines: swallow them, then point its stream at our capture.
process.stdout.write = () => true;
const tl = require('azure-pipelines-task-lib/task');
process.stdout.write = realWrite;
tl.setStdStream({ write: (s) => process.stdout.write(s) });

// --- the hostile table ----------------------------------------------------------------------------
const fragments = [
  '', ' ', 'plain', 'numpy==1.19', '%', '%%', '%25', '%250A', '%0A', '%0D', '%0a', '%0d', '%3A', '%3a', '%2C', '%3B', '%5D',
  '%AZP25', '%VSTS', '%AZP250A', '\r', '\n', '\r\n', '\n\r', '\n\n', ':', '::', ':::', ',', ',,', ';', ';;', ']', ']]', '[', '=', '==',
  'a=b', 'k=v,k2=v2', 'k=v;k2=v2', '::add-mask::secret', '::set-output name=x::y', '::set-env name=NODE_OPTIONS::--require evil',
  '::error::boom', '::warning file=a,line=1::w', '::stop-commands::tok', '::tok::', '::endgroup::', '::group::g', '  ::debug::x',
  '##[error]x', '##[set-output name=x;]y', '##[add-mask]s', '##vso[task.setvariable variable=x]1',
  '##vso[task.setvariable variable=x;isoutput=true]1', '##vso[task.complete result=Succeeded;]done', '##VSO[task.logissue type=error]x',
  '##vso[task.prependpath]/evil', '#', '##', '##[', '##vso', '##vso[', '\u2028', '\u2029', '\u0085', '\u0000', '\u001b[31mred\u001b[0m',
  '\t', '\u000b', '\u000c', '\u200b', '\ufeff', '\u00ad', '\u2060', '\u202e', 'é', 'e\u0301', '日本語', '🙂', '👨‍👩‍👧', 'title=evil',
  'file=x,line=1', 'line=0', 'col=0', ' leading', 'trailing ', '\\', '"', "'", '`', '$(whoami)', '${{ secrets.X }}', '<script>alert(1)</script>',
  '|', 'x:y,z;q]', 'C:\\path\\file.yml', '/github/workspace/a.yml', '../../etc/passwd', 'a%b\nc', 'env.yml:8:5', 'PG102',
  '0', 'null', 'undefined', 'true', 'false',
];

const inputs = [];
const seen = new Set();
const add = (s) => { if (!seen.has(s)) { seen.add(s); inputs.push(s); } };
fragments.forEach(add);
// Deterministic pairs: a fixed arithmetic sieve over the fragment table, no randomness.
for (let i = 0; i < fragments.length; i++) {
  for (let j = 0; j < fragments.length; j++) {
    if ((i * 31 + j * 17) % 23 === 0) add(fragments[i] + fragments[j]);
    if ((i * 7 + j * 5) % 97 === 0) add(fragments[i] + 'x' + fragments[j] + '\n' + fragments[(i + j) % fragments.length]);
  }
}
add('%'.repeat(50) + '\r\n'.repeat(20) + ':,'.repeat(30) + ';]'.repeat(30));
add('a'.repeat(5000));
// A message that quotes a command prefix must come out of the libraries unchanged (only %, CR and LF escaped),
// and text that glues to the '::' separator (a combining mark after it, a prepended mark before it).
['see ##[error]x in the log', 'run ##[set-output name=a;]b then ##vso[task.complete result=Failed;]c', '##[group]g\n##[endgroup]',
  '\u0301##[add-mask]x', '\u0338##[error]y', 'a\u0600', 'x ##[warning]100%'].forEach(add);
add(fragments.join(''));

// --- ask the libraries -----------------------------------------------------------------------------
const rows = inputs.map((input) => ({
  input,
  github: {
    // Properties in the toolkit's own order (toCommandProperties: title, file, line, endLine, col, endColumn).
    error: capture(() => core.error(input, { title: input, file: input, startLine: 3, endLine: 3, startColumn: 5, endColumn: 9 })),
    warning: capture(() => core.warning(input, { file: input, startLine: 7 })),
    notice: capture(() => core.notice(input)),
  },
  azure: {
    // logIssue's own order: type, code, sourcepath, linenumber, columnnumber.
    logIssue: capture(() => tl.logIssue(tl.IssueType.Error, input, input, 12, 3, 'PG102')),
    // PipelineGuard's order, written through the generic command serialiser.
    command: capture(() => tl.command('task.logissue',
      { type: 'warning', sourcepath: input, linenumber: '7', columnnumber: '1', code: input }, input)),
    complete: capture(() => tl.command('task.complete', { result: 'Failed' }, input)),
  },
}));

const versions = {
  '@actions/core': JSON.parse(readFileSync(path.join(here, 'node_modules/@actions/core/package.json'), 'utf8')).version,
  'azure-pipelines-task-lib': JSON.parse(readFileSync(path.join(here, 'node_modules/azure-pipelines-task-lib/package.json'), 'utf8')).version,
  node: process.version,
};
writeFileSync(out, JSON.stringify({ generatedBy: 'tools/oracles/escaping/generate-vectors.mjs', versions, rows }, null, 1) + '\n');
realWrite(`wrote ${rows.length} rows to ${path.relative(process.cwd(), out)}\n`);
