// The environment of pipelineguard: the agent's (TF_BUILD, BUILD_SOURCESDIRECTORY, the PR's variables), no colour,
// and for PR threads the job's access token and the agent's proxy.
//
// A task reads the token from the SystemVssConnection endpoint, so the pipeline does not have to map
// SYSTEM_ACCESSTOKEN; a mapped one wins. The caller registers it as a secret, so the agent masks it wherever it would
// appear in the log. The threads' API calls go through the agent's proxy (Agent.ProxyUrl, its credentials and bypass
// list, as task-lib reads them) like the download: .NET's HttpClient reads HTTPS_PROXY, so the proxy for the
// collection URL is passed there unless the job sets one itself.

export interface ToolEnvironmentSources {
    processEnv: { [key: string]: string | undefined };
    // The job's OAuth token (System.AccessToken), if the agent gives the task one.
    jobToken: () => string | undefined;
    // The proxy URL, with its credentials, for a request to the collection; undefined without a proxy or when bypassed.
    collectionProxy: () => string | undefined;
}

export interface ToolEnvironment {
    env: { [key: string]: string };
    secrets: string[];
    warnings: string[];
}

export function toolEnvironment(threads: boolean, sources: ToolEnvironmentSources): ToolEnvironment {
    const env: { [key: string]: string } = {};
    for (const [key, value] of Object.entries(sources.processEnv)) {
        if (value !== undefined) {
            env[key] = value;
        }
    }
    env['NO_COLOR'] = '1';
    const secrets: string[] = [];
    const warnings: string[] = [];
    if (!threads) {
        return { env, secrets, warnings };
    }

    if (!env['SYSTEM_ACCESSTOKEN']) {
        const token = sources.jobToken();
        if (token) {
            secrets.push(token);
            env['SYSTEM_ACCESSTOKEN'] = token;
        } else {
            warnings.push('No access token for pull-request threads: map SYSTEM_ACCESSTOKEN: $(System.AccessToken) in the task\'s env.');
        }
    }

    const hasProxy = ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'].some(name => env[name]);
    const proxy = hasProxy ? undefined : sources.collectionProxy();
    if (proxy) {
        if (proxy.includes('@')) {
            secrets.push(proxy); // it carries the proxy's user and password
        }
        env['HTTPS_PROXY'] = proxy;
    }
    return { env, secrets, warnings };
}
