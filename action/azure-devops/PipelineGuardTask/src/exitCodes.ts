import tl = require('azure-pipelines-task-lib/task');

export interface Verdict {
    result: tl.TaskResult;
    message: string;
}

// The task's result from pipelineguard's exit code (docs/usage.md, "Exit codes"). For 2 and 3 the tool's
// own message (its standard error) says what went wrong, so it becomes the task's message.
export function verdict(exitCode: number, failOn: string | undefined, toolMessage: string): Verdict {
    const said = toolMessage.trim();
    switch (exitCode) {
        case 0:
            return { result: tl.TaskResult.Succeeded, message: 'PipelineGuard found nothing at or above fail-on.' };
        case 1:
            return { result: tl.TaskResult.Failed, message: `PipelineGuard found findings at or above fail-on (${failOn ?? 'as configured'}).` };
        case 2:
            return { result: tl.TaskResult.Failed, message: `PipelineGuard usage error: ${said || 'see the log'}` };
        case 3:
            return { result: tl.TaskResult.Failed, message: `PipelineGuard internal error (please report it): ${said || 'see the log'}` };
        default:
            return { result: tl.TaskResult.Failed, message: `PipelineGuard exited with code ${exitCode}. ${said}`.trim() };
    }
}
