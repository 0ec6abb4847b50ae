import fs = require('fs');
import os = require('os');
import path = require('path');
import tl = require('azure-pipelines-task-lib/task');
import { checkArguments } from './checkArguments';
import { verdict } from './exitCodes';
import { readInputs } from './inputs';
import { installPipelineGuard } from './install';
import { checkVersion, releaseAsset } from './releaseAsset';

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

// The environment of pipelineguard: the agent's (TF_BUILD, BUILD_SOURCESDIRECTORY, the PR's variables), no colour,
// and for PR threads the job's access token. A task reads the token from the SystemVssConnection endpoint, so
// the pipeline does not have to map SYSTEM_ACCESSTOKEN; a mapped one wins. It is registered as a secret, so the
// agent masks it wherever it would appear in the log.
function childEnvironment(threads: boolean): { [key: string]: string } {
    const env: { [key: string]: string } = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (value !== undefined) {
            env[key] = value;
        }
    }
    env['NO_COLOR'] = '1';
    if (threads && !env['SYSTEM_ACCESSTOKEN']) {
        const token = tl.getEndpointAuthorizationParameter('SystemVssConnection', 'AccessToken', true);
        if (token) {
            tl.setSecret(token);
            env['SYSTEM_ACCESSTOKEN'] = token;
        } else {
            tl.warning('No access token for pull-request threads: map SYSTEM_ACCESSTOKEN: $(System.AccessToken) in the task\'s env.');
        }
    }
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
