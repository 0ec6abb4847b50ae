import assert = require('assert');
import childProcess = require('child_process');
import fs = require('fs');
import os = require('os');
import path = require('path');
import { packageRoot, repositoryRoot, taskJsonPath } from './helpers';

const extensionRoot = path.join(packageRoot, '..');

function productVersion(): string {
    const props = fs.readFileSync(path.join(repositoryRoot, 'Directory.Build.props'), 'utf8');
    return /<Version>([^<]+)<\/Version>/.exec(props)![1].trim();
}

// action.yml's input names, read from its `inputs:` block (two-space keys up to `outputs:`).
function actionInputs(): string[] {
    const yaml = fs.readFileSync(path.join(repositoryRoot, 'action.yml'), 'utf8');
    const block = yaml.substring(yaml.indexOf('\ninputs:\n'), yaml.indexOf('\noutputs:\n'));
    return [...block.matchAll(/^ {2}([a-z][a-z0-9-]*):\s*$/gm)].map(m => m[1]);
}

function taskInputs(): string[] {
    return JSON.parse(fs.readFileSync(taskJsonPath, 'utf8')).inputs.map((i: { name: string }) => i.name);
}

// fail-on -> failOn: the task's inputs are action.yml's in camelCase, like the template's parameters.
function camelCase(name: string): string {
    return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function unzip(vsix: string, entry: string): string {
    return childProcess.execFileSync('unzip', ['-p', vsix, entry], { encoding: 'utf8' });
}

describe('The task\'s inputs', () => {
    // The GitHub API inputs have Azure counterparts of their own (azureReposThreads) or none.
    const githubOnly = ['github-token', 'checks', 'review'];

    it('cover every input of action.yml but the GitHub-only ones', () => {
        const fromAction = actionInputs();
        assert.ok(fromAction.includes('paths') && fromAction.includes('sarif-file'), `action.yml inputs read: ${fromAction}`);
        const missing = fromAction.filter(i => !githubOnly.includes(i)).map(camelCase).filter(i => !taskInputs().includes(i));
        assert.deepStrictEqual(missing, []);
    });

    it('include rule selection, PR threads and the tool version, whether action.yml has them yet or not', () => {
        for (const name of ['select', 'ignore', 'azureReposThreads', 'version', 'onlyChanged', 'publishSarif']) {
            assert.ok(taskInputs().includes(name), name);
        }
        const threads = JSON.parse(fs.readFileSync(taskJsonPath, 'utf8')).inputs.find((i: { name: string }) => i.name === 'azureReposThreads');
        assert.deepStrictEqual([threads.type, threads.defaultValue, threads.aliases], ['boolean', 'false', ['prComments']]);
    });
});

describe('The extension', function () {
    this.timeout(300000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-vsix-'));
    const stage = path.join(work, 'stage');
    const output = path.join(work, 'out');
    let vsix = '';

    before(() => {
        childProcess.execFileSync(process.execPath, [path.join(extensionRoot, 'stage-extension.js'), stage], { stdio: 'pipe' });
        fs.mkdirSync(output);
        const tfx = path.join(packageRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'tfx.cmd' : 'tfx');
        childProcess.execFileSync(tfx, ['extension', 'create', '--root', stage, '--manifest-globs', 'vss-extension.json',
            '--output-path', output, '--no-prompt', '--no-color'], { stdio: 'pipe' });
        const made = fs.readdirSync(output).filter(f => f.endsWith('.vsix'));
        assert.strictEqual(made.length, 1, `tfx made ${made}`);
        vsix = path.join(output, made[0]);
    });
    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it('is a .vsix whose manifest has the product version', () => {
        assert.strictEqual(path.basename(vsix), `pipelineguard.pipelineguard-${productVersion()}.vsix`);
        const manifest = unzip(vsix, 'extension.vsixmanifest');
        assert.match(manifest, new RegExp(`<Identity Language="en-US" Id="pipelineguard" Publisher="pipelineguard" Version="${productVersion().replace(/\./g, '\\.')}"/>`));
    });

    it('contributes the task, whose id and version are in the packaged task.json', () => {
        const contributions = JSON.parse(unzip(vsix, 'extension.vsomanifest')).contributions;
        assert.deepStrictEqual(contributions.map((c: { type: string; properties: { name: string } }) => [c.type, c.properties.name]),
            [['ms.vss-distributed-task.task', 'PipelineGuardTask']]);
        const packaged = JSON.parse(unzip(vsix, 'PipelineGuardTask/task.json'));
        const source = JSON.parse(fs.readFileSync(taskJsonPath, 'utf8'));
        assert.strictEqual(packaged.id, source.id);
        assert.strictEqual(packaged.name, 'PipelineGuard');
        assert.strictEqual(`${packaged.version.Major}.${packaged.version.Minor}.${packaged.version.Patch}`, productVersion().split('-')[0]);
        assert.deepStrictEqual(packaged.inputs, source.inputs);
    });

    it('ships the compiled handler and production packages, not the tests or the dev tools', () => {
        const entries = childProcess.execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
        assert.ok(entries.includes('PipelineGuardTask/dist/src/index.js'));
        assert.ok(entries.includes('PipelineGuardTask/node_modules/azure-pipelines-task-lib/task.js'));
        assert.ok(entries.includes('PipelineGuardTask/node_modules/azure-pipelines-tool-lib/tool.js'));
        for (const absent of ['PipelineGuardTask/dist/tests/', 'PipelineGuardTask/node_modules/mocha/', 'PipelineGuardTask/node_modules/typescript/', 'PipelineGuardTask/node_modules/tfx-cli/']) {
            assert.ok(!entries.some(e => e.startsWith(absent)), absent);
        }
    });

    it('has a handler that loads from the packaged node_modules alone and refuses a bad version', () => {
        const handler = path.join(stage, 'PipelineGuardTask', 'dist', 'src', 'index.js');
        const run = childProcess.spawnSync(process.execPath, [handler], {
            encoding: 'utf8',
            env: { PATH: process.env['PATH'], INPUT_VERSION: 'not-a-version', AGENT_TEMPDIRECTORY: work },
        });
        assert.match(run.stdout, /##vso\[task\.complete result=Failed;\]'not-a-version' is not a PipelineGuard release version/, run.stdout + run.stderr);
    });
});
