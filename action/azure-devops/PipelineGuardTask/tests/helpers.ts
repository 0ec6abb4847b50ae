import crypto = require('crypto');
import fs = require('fs');
import os = require('os');
import path = require('path');
import { MockTestRunner } from 'azure-pipelines-task-lib/mock-test';
import { releaseAsset } from '../src/releaseAsset';

export interface ExecAnswer {
    code: number;
    stdout?: string;
    stderr?: string;
}

// What tests/scenario.ts runs the task with (passed as JSON in PG_SCENARIO).
export interface Scenario {
    inputs: { [name: string]: string };
    environment: { [name: string]: string };
    releaseUrl: string;
    releaseFolder: string;
    workFolder: string;
    cachedVersion?: string;
    exec: { [commandLine: string]: ExecAnswer };
}

export const packageRoot = path.join(__dirname, '..', '..');
export const repositoryRoot = path.join(packageRoot, '..', '..', '..');
export const taskJsonPath = path.join(packageRoot, 'task.json');
export const releaseUrl = 'https://releases.example.test/pipelineguard';

export function taskVersion(): string {
    const v = JSON.parse(fs.readFileSync(taskJsonPath, 'utf8')).version;
    return `${v.Major}.${v.Minor}.${v.Patch}`;
}

// A temporary agent: sources, temp and tool folders, and a release folder the fake tool-lib serves from.
export class FakeAgent {
    readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-task-'));
    readonly sources = this.mkdir('s');
    readonly temp = this.mkdir('_temp');
    readonly work = this.mkdir('work');
    readonly release = this.mkdir('release');

    // The binary's path once the task has it: tool-lib's cache folder for this version and architecture.
    binary(version = taskVersion()): string {
        return path.join(this.work, 'tools', 'pipelineguard', version, os.arch(), releaseAsset(version, os.platform(), os.arch()).binaryName);
    }

    // Publishes a release as release.yml does: the archive for this agent and SHA256SUMS. `sums` overrides the
    // SHA256SUMS text (a tampered release).
    publish(version = taskVersion(), sums?: (assetName: string, hash: string) => string): string {
        const asset = releaseAsset(version, os.platform(), os.arch());
        const folder = path.join(this.release, `v${version}`);
        fs.mkdirSync(folder, { recursive: true });
        const bytes = Buffer.from(`pipelineguard ${version} ${asset.rid} archive`);
        fs.writeFileSync(path.join(folder, asset.fileName), bytes);
        const hash = crypto.createHash('sha256').update(bytes).digest('hex');
        const text = sums ? sums(asset.fileName, hash)
            : `${'0'.repeat(64)}  pipelineguard-${version}-other-rid.tar.gz\n${hash}  ${asset.fileName}\n`;
        fs.writeFileSync(path.join(folder, 'SHA256SUMS'), text);
        return asset.fileName;
    }

    // The fake tool-lib serves {releaseUrl}/v{version}/{file} from release/v{version}/{file}.
    scenario(inputs: { [name: string]: string }, exec: { [commandLine: string]: ExecAnswer }, extra: Partial<Scenario> = {}): Scenario {
        return {
            inputs: { releaseUrl, ...inputs },
            environment: {
                BUILD_SOURCESDIRECTORY: this.sources,
                AGENT_TEMPDIRECTORY: this.temp,
                ...(extra.environment ?? {}),
            },
            releaseUrl,
            releaseFolder: this.release,
            workFolder: this.work,
            exec,
            cachedVersion: extra.cachedVersion,
        };
    }

    remove(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }

    private mkdir(name: string): string {
        const folder = path.join(this.root, name);
        fs.mkdirSync(folder, { recursive: true });
        return folder;
    }
}

// Runs the task once with MockTestRunner, on this Node (MockTestRunner would otherwise download the Node of
// task.json's handler from the internet).
export async function runTask(scenario: Scenario): Promise<MockTestRunner> {
    process.env['PG_SCENARIO'] = JSON.stringify(scenario);
    try {
        // The constructor takes the paths; LoadAsync would look for (or download) a Node to run with.
        const runner = new MockTestRunner(path.join(__dirname, 'scenario.js'), taskJsonPath);
        runner.nodePath = process.execPath;
        await runner.runAsync();
        return runner;
    } finally {
        delete process.env['PG_SCENARIO'];
    }
}

// The ##vso[task.complete] message the task ended with.
export function taskMessage(runner: MockTestRunner): string {
    const lines = runner.stdout.split(/\r?\n/).filter(l => l.includes('##vso[task.complete'));
    const last = lines[lines.length - 1] ?? '';
    return last.substring(last.indexOf(']') + 1);
}

// stdout and stderr, for assertion messages.
export function describeRun(runner: MockTestRunner): string {
    return `stdout:\n${runner.stdout}\nstderr:\n${runner.stderr}`;
}
