import fs = require('fs');
import os = require('os');
import path = require('path');
import tl = require('azure-pipelines-task-lib/task');
import { checkArguments } from './checkArguments';
import { verdict } from './exitCodes';
import { readInputs } from './inputs';
import { installPipelineGuard } from './install';
import { checkVersion, releaseAsset } from './releaseAsset';
import { toolEnvironment } from './toolEnvironment';

// The artifact name the SARIF SAST Scans Tab extension reads.
const codeAnalysisLogs = 'CodeAnalysisLogs';

async function run(): Promise<void> {
    const inputs = readInputs();
    const version = checkVersion(inputs.version ?? ownVersion());
    const arch = os.arch();
    const asset = releaseAsset(version, os.platform(), arch);
    const binary = await installPipelineGuard({ version, asset, arch, releaseUrl: inputs.releaseUrl });

    const sources = tl.getVariable('Build.SourcesDirectory') || process.cwd();
    const sarifPath = inputs.sarifFile
        ?? (inputs.publishSarif ? path.join(tl.getVariable('Agent.TempDirectory') || os.tmpdir(), 'pipelineguard.sarif') : undefined);
    const args = checkArguments(inputs, {
        pullRequestTargetBranch: tl.getVariable('System.PullRequest.TargetBranch'),
        sarifPath,
    });

    const tool = tl.tool(binary).arg(args);
    if (inputs.arguments) {
        tool.line(inputs.arguments);
    }
    tool.arg(inputs.paths);

    const toolMessage: string[] = [];
    tool.on('errline', (line: string) => toolMessage.push(line));
    const exitCode = await tool.execAsync({ cwd: sources, ignoreReturnCode: true, env: childEnvironment(inputs.azureReposThreads) });

    if (sarifPath && inputs.publishSarif) {
        const sarif = path.resolve(sources, sarifPath);
        if (fs.existsSync(sarif)) {
            tl.uploadArtifact(codeAnalysisLogs, sarif, codeAnalysisLogs);
        } else {
            tl.warning(`No SARIF report at ${sarif} to publish as ${codeAnalysisLogs}.`);
        }
    }

    const outcome = verdict(exitCode, inputs.failOn, toolMessage.join(' '));
    tl.setResult(outcome.result, outcome.message);
}

function childEnvironment(threads: boolean): { [key: string]: string } {
    const { env, secrets, warnings } = toolEnvironment(threads, {
        processEnv: process.env,
        jobToken: () => tl.getEndpointAuthorizationParameter('SystemVssConnection', 'AccessToken', true),
        collectionProxy: () => {
            const proxy = tl.getHttpProxyConfiguration(tl.getVariable('System.CollectionUri'));
            return proxy?.proxyFormattedUrl || undefined;
        },
    });
    secrets.forEach(secret => tl.setSecret(secret));
    warnings.forEach(warning => tl.warning(warning));
    return env;
}

// Without a version input, the task runs the PipelineGuard release of its own version (task.json).
function ownVersion(): string {
    const taskJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'task.json'), 'utf8'));
    const v = taskJson.version;
    return `${v.Major}.${v.Minor}.${v.Patch}`;
}

run().catch((error: unknown) => {
    tl.setResult(tl.TaskResult.Failed, error instanceof Error ? error.message : String(error));
});
