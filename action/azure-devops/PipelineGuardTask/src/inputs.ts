import tl = require('azure-pipelines-task-lib/task');
import { ruleList, words } from './inputText';

// What the task was asked to do, read once from its inputs (task.json) so the rest never calls task-lib for them.
export interface TaskInputs {
    paths: string[];
    buildLogs: string[];
    format: string;
    failOn: string | undefined;
    config: string | undefined;
    select: string | undefined;
    ignore: string | undefined;
    online: boolean;
    onlyChanged: boolean;
    diffBase: string | undefined;
    azureReposThreads: boolean;
    sarifFile: string | undefined;
    publishSarif: boolean;
    version: string | undefined;
    releaseUrl: string | undefined;
    arguments: string | undefined;
}

export function readInputs(): TaskInputs {
    return {
        paths: words(tl.getInput('paths')),
        buildLogs: words(tl.getInput('buildLog')),
        format: text(tl.getInput('format')) ?? 'azure',
        // 'configured' adds no flag, so .pipelineguard.yml decides, as an empty input does in action.yml.
        failOn: text(tl.getInput('failOn')) === 'configured' ? undefined : text(tl.getInput('failOn')),
        config: text(tl.getInput('config')),
        select: ruleList(tl.getInput('select')),
        ignore: ruleList(tl.getInput('ignore')),
        online: tl.getBoolInput('online'),
        onlyChanged: tl.getBoolInput('onlyChanged'),
        diffBase: text(tl.getInput('diffBase')),
        azureReposThreads: tl.getBoolInput('azureReposThreads'),
        sarifFile: text(tl.getInput('sarifFile')),
        // Default on: an unset boolean input reads false, but task.json's default is true.
        publishSarif: (tl.getInput('publishSarif') ?? 'true').trim().toLowerCase() !== 'false',
        version: text(tl.getInput('version')),
        releaseUrl: text(tl.getInput('releaseUrl')),
        arguments: text(tl.getInput('arguments')),
    };
}

function text(value: string | undefined): string | undefined {
    const trimmed = (value ?? '').trim();
    return trimmed.length > 0 ? trimmed : undefined;
}
