// How the task's text inputs become CLI values (kept apart from task-lib, which logs as soon as it loads).

// Paths are words separated by spaces or newlines, as action.yml's `paths` and the template's parameters are.
export function words(value: string | undefined): string[] {
    return (value ?? '').split(/\s+/).filter(w => w.length > 0);
}

// Rule lists may be written one per line or with spaces; the CLI takes one comma-separated value.
export function ruleList(value: string | undefined): string | undefined {
    const items = (value ?? '').split(/[\s,]+/).filter(w => w.length > 0);
    return items.length > 0 ? items.join(',') : undefined;
}
