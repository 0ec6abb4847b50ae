import { TaskInputs } from './inputs';

// Where the run happens, from the agent's variables.
export interface RunContext {
    // The pull request's target branch (System.PullRequest.TargetBranch, refs/heads/main), if this is a PR build.
    pullRequestTargetBranch: string | undefined;
    // Where the SARIF report goes: the sarifFile input, or a file in the agent's temporary folder.
    sarifPath: string | undefined;
}

// The `pipelineguard check` command line for these inputs. Options only when their input is set, so
// .pipelineguard.yml decides the rest, as with action.yml. Paths come last.
export function checkArguments(inputs: TaskInputs, context: RunContext): string[] {
    const args = ['check', '--format', inputs.format];
    if (context.sarifPath) {
        // --format and --output pair in order: the log format goes to standard output, SARIF to the file.
        args.push('--format', 'sarif', '--output', context.sarifPath);
    }
    for (const log of inputs.buildLogs) {
        args.push('--build-log', log);
    }
    if (inputs.failOn) {
        args.push('--fail-on', inputs.failOn);
    }
    if (inputs.config) {
        args.push('--config', inputs.config);
    }
    if (inputs.select) {
        args.push('--select', inputs.select);
    }
    if (inputs.ignore) {
        args.push('--ignore', inputs.ignore);
    }
    if (inputs.online) {
        args.push('--online');
    }
    if (inputs.onlyChanged) {
        args.push('--only-changed');
        // Without a base the CLI would ask GitHub's API for the changed lines; on Azure Pipelines local git knows
        // them, given the target branch (a PR build's checkout fetches it).
        const base = inputs.diffBase ?? remoteBranch(context.pullRequestTargetBranch);
        if (base) {
            args.push('--diff-base', base);
        }
    }
    if (inputs.azureReposThreads) {
        args.push('--azure-repos-threads');
    }
    return args;
}

// refs/heads/release/1.2 -> origin/release/1.2, the name a checkout gives the target branch.
export function remoteBranch(targetBranch: string | undefined): string | undefined {
    if (!targetBranch) {
        return undefined;
    }
    return 'origin/' + targetBranch.replace(/^refs\/heads\//, '');
}
