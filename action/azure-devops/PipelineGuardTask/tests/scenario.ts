// One run of the task under task-lib's TaskMockRunner, described by the PG_SCENARIO environment variable (JSON)
// that tests/helpers.ts sets. azure-pipelines-task-lib/task is task-lib's mock: `pipelineguard` is never
// started, its exit code and output come from the scenario's exec answers, keyed by the exact command line.
// azure-pipelines-tool-lib/tool is replaced by a fake that serves release files from a local folder, so no
// test touches the network; the task's own checksum code reads the files it gets.
import fs = require('fs');
import path = require('path');
import mr = require('azure-pipelines-task-lib/mock-run');
import { Scenario } from './helpers';

const scenario: Scenario = JSON.parse(process.env['PG_SCENARIO'] ?? '{}');
const runner = new mr.TaskMockRunner(path.join(__dirname, '..', 'src', 'index.js'));

for (const [name, value] of Object.entries(scenario.inputs)) {
    runner.setInput(name, value);
}
for (const [name, value] of Object.entries(scenario.environment)) {
    process.env[name] = value;
}

let downloads = 0;
runner.registerMock('azure-pipelines-tool-lib/tool', {
    findLocalTool(tool: string, version: string, arch: string): string {
        console.log(`fake-tool-lib findLocalTool ${tool} ${version} ${arch}`);
        return scenario.cachedVersion === version ? cacheFolder(tool, version, arch) : '';
    },
    async downloadTool(url: string): Promise<string> {
        console.log(`fake-tool-lib downloadTool ${url}`);
        // {releaseUrl}/v0.1.0/SHA256SUMS is served from {releaseFolder}/v0.1.0/SHA256SUMS.
        const relative = url.startsWith(scenario.releaseUrl + '/') ? url.substring(scenario.releaseUrl.length + 1) : '';
        const served = path.join(scenario.releaseFolder, ...relative.split('/').map(decodeURIComponent));
        if (!relative || relative.includes('..') || !fs.existsSync(served)) {
            throw new Error(`Unexpected HTTP response: 404 (${url})`);
        }
        const target = path.join(scenario.workFolder, `download-${++downloads}`);
        fs.copyFileSync(served, target);
        return target;
    },
    async extractTar(file: string): Promise<string> {
        return extract(file);
    },
    async extractZip(file: string): Promise<string> {
        return extract(file);
    },
    async cacheDir(source: string, tool: string, version: string, arch: string): Promise<string> {
        console.log(`fake-tool-lib cacheDir ${tool} ${version} ${arch}`);
        const target = cacheFolder(tool, version, arch);
        fs.cpSync(source, target, { recursive: true });
        return target;
    },
});

// The release archive stands for a folder holding the binary; its bytes only matter to the checksum.
function extract(file: string): string {
    console.log(`fake-tool-lib extract ${path.basename(file)}`);
    const folder = path.join(scenario.workFolder, 'extracted');
    fs.mkdirSync(folder, { recursive: true });
    for (const name of ['pipelineguard', 'pipelineguard.exe']) {
        fs.writeFileSync(path.join(folder, name), '#!/bin/sh\nexit 0\n');
    }
    return folder;
}

function cacheFolder(tool: string, version: string, arch: string): string {
    return path.join(scenario.workFolder, 'tools', tool, version, arch);
}

runner.setAnswers({ exec: scenario.exec });
runner.run();
