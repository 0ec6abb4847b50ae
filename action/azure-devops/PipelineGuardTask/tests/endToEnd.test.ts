import assert = require('assert');
import childProcess = require('child_process');
import crypto = require('crypto');
import fs = require('fs');
import http = require('http');
import net = require('net');
import os = require('os');
import path = require('path');
import { packageRoot, taskVersion } from './helpers';

// The compiled task with the real task-lib and tool-lib (no mocks): it downloads from a release server on
// 127.0.0.1, verifies, extracts with tar, caches in the agent's tool folder and runs a stand-in `pipelineguard`
// (a shell script that records its arguments, writes the SARIF file and exits as told).
const unix = process.platform !== 'win32';

(unix ? describe : describe.skip)('The task end to end (real tool-lib, a release server on 127.0.0.1)', function () {
    this.timeout(120000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-e2e-'));
    const release = path.join(root, 'release');
    const tools = path.join(root, 'tools');
    const temp = path.join(root, 'temp');
    const sources = path.join(root, 's');
    const argsFile = path.join(root, 'args.txt');
    const requests: string[] = [];
    let server: http.Server;
    let baseUrl = '';

    before(async () => {
        for (const folder of [release, tools, temp, sources]) {
            fs.mkdirSync(folder, { recursive: true });
        }
        publish(taskVersion(), false);
        publish('0.3.0', true);
        server = http.createServer((request, response) => {
            requests.push(request.url ?? '');
            const file = path.join(release, ...(request.url ?? '').split('/').filter(p => p && p !== '..'));
            if (fs.existsSync(file) && fs.statSync(file).isFile()) {
                response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
                response.end(fs.readFileSync(file));
            } else {
                response.writeHead(404);
                response.end();
            }
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        baseUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    });

    after(async () => {
        await new Promise(resolve => server.close(resolve));
        fs.rmSync(root, { recursive: true, force: true });
    });

    // release/v{version}/pipelineguard-{version}-{rid}.tar.gz and SHA256SUMS, as release.yml lays them out.
    // `tampered` lists the hash of other bytes than those served.
    function publish(version: string, tampered: boolean): void {
        const rid = `${process.platform === 'darwin' ? 'osx' : process.platform}-${process.arch}`;
        const name = `pipelineguard-${version}-${rid}.tar.gz`;
        const folder = path.join(release, `v${version}`);
        const stage = path.join(root, `stage-${version}`);
        fs.mkdirSync(folder, { recursive: true });
        fs.mkdirSync(stage, { recursive: true });
        fs.writeFileSync(path.join(stage, 'pipelineguard'), [
            '#!/bin/sh',
            'printf \'%s\\n\' "$@" > "$PG_FAKE_ARGS"',
            'prev=""; for a in "$@"; do [ "$prev" = "--output" ] && echo \'{"version":"2.1.0","runs":[]}\' > "$a"; prev="$a"; done',
            'echo "##vso[task.logissue type=error;sourcepath=envs/environment.yml;linenumber=8;code=PG102;]pip package is not pinned"',
            '[ "${PG_FAKE_EXIT:-0}" = 2 ] && echo "pipelineguard: envs: no such file or folder" >&2',
            'exit "${PG_FAKE_EXIT:-0}"',
            '',
        ].join('\n'), { mode: 0o755 });
        fs.writeFileSync(path.join(stage, 'LICENSE'), 'MIT\n');
        childProcess.execFileSync('tar', ['-C', stage, '-czf', path.join(folder, name), 'pipelineguard', 'LICENSE']);
        const hash = tampered ? crypto.createHash('sha256').update('other bytes').digest('hex')
            : crypto.createHash('sha256').update(fs.readFileSync(path.join(folder, name))).digest('hex');
        fs.writeFileSync(path.join(folder, 'SHA256SUMS'), `${hash}  ${name}\n`);
    }

    // Runs dist/src/index.js as the agent would, with INPUT_* and agent variables in its environment.
    async function runTask(inputs: { [name: string]: string }, exitCode: number): Promise<string> {
        const env: { [key: string]: string } = {
            PATH: process.env['PATH'] ?? '',
            AGENT_TOOLSDIRECTORY: tools,
            AGENT_TEMPDIRECTORY: temp,
            BUILD_SOURCESDIRECTORY: sources,
            INPUT_RELEASEURL: baseUrl,
            PG_FAKE_ARGS: argsFile,
            PG_FAKE_EXIT: String(exitCode),
        };
        for (const [name, value] of Object.entries(inputs)) {
            env[`INPUT_${name.toUpperCase()}`] = value;
        }
        // Asynchronous: the release server answers from this same process.
        const child = childProcess.spawn(process.execPath, [path.join(packageRoot, 'dist', 'src', 'index.js')], { env });
        let output = '';
        child.stdout.on('data', chunk => { output += chunk; });
        child.stderr.on('data', chunk => { output += chunk; });
        await new Promise(resolve => child.on('close', resolve));
        return output;
    }

    function complete(output: string): string {
        const lines = output.split(/\r?\n/).filter(l => l.startsWith('##vso[task.complete'));
        return lines[lines.length - 1] ?? `(no task.complete in)\n${output}`;
    }

    it('downloads, verifies, caches and runs the binary, maps exit code 1 to Failed and uploads the SARIF report', async () => {
        const version = taskVersion();
        const output = await runTask({ paths: 'envs', failOn: 'error' }, 1);
        assert.strictEqual(complete(output), '##vso[task.complete result=Failed;]PipelineGuard found findings at or above fail-on (error).', output);
        assert.deepStrictEqual(requests.filter(r => r.startsWith(`/v${version}/`)).map(r => path.posix.basename(r)).sort(),
            ['SHA256SUMS', `pipelineguard-${version}-${process.platform === 'darwin' ? 'osx' : process.platform}-${process.arch}.tar.gz`]);
        const sarif = path.join(temp, 'pipelineguard.sarif');
        assert.deepStrictEqual(fs.readFileSync(argsFile, 'utf8').trim().split('\n'),
            ['check', '--format', 'azure', '--format', 'sarif', '--output', sarif, '--fail-on', 'error', 'envs']);
        assert.ok(fs.existsSync(path.join(tools, 'pipelineguard', version, process.arch, 'pipelineguard')), 'cached binary');
        assert.ok(output.includes(`##vso[artifact.upload containerfolder=CodeAnalysisLogs;artifactname=CodeAnalysisLogs;]${sarif}`), output);
        assert.ok(output.includes('##vso[task.logissue type=error;sourcepath=envs/environment.yml;linenumber=8;code=PG102;]'), output);
    });

    it('runs the cached binary on the next run without any download, and exit code 0 succeeds', async () => {
        const before = requests.length;
        const output = await runTask({}, 0);
        assert.strictEqual(requests.length, before, `no request: ${requests.slice(before)}`);
        assert.strictEqual(complete(output), '##vso[task.complete result=Succeeded;]PipelineGuard found nothing at or above fail-on.', output);
    });

    it('fails with the tool\'s message on exit code 2', async () => {
        const output = await runTask({ paths: 'envs' }, 2);
        assert.strictEqual(complete(output), '##vso[task.complete result=Failed;]PipelineGuard usage error: pipelineguard: envs: no such file or folder', output);
    });

    it('refuses a release whose archive does not match SHA256SUMS and caches nothing', async () => {
        const output = await runTask({ version: '0.3.0' }, 0);
        assert.match(complete(output), /result=Failed;\]SHA256 mismatch for pipelineguard-0\.3\.0-.*The download is not used/, output);
        assert.ok(!fs.existsSync(path.join(tools, 'pipelineguard', '0.3.0')), 'nothing cached');
    });
});
