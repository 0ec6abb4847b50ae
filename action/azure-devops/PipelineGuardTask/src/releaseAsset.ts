// The release binaries that .github/workflows/release.yml publishes (one per runtime identifier), and where
// they are downloaded from. Names: .github/scripts/publish-binary.sh.
export const defaultReleaseUrl = 'https://github.com/pipelineguard/pipelineguard/releases/download';

const publishedRids = ['linux-x64', 'linux-arm64', 'osx-arm64', 'win-x64'];

export interface ReleaseAsset {
    rid: string;
    fileName: string;
    archive: 'tar.gz' | 'zip';
    binaryName: string;
}

// The asset for this agent's OS and architecture (Node's os.platform() and os.arch()), or an error that says
// what to do instead.
export function releaseAsset(version: string, platform: string, arch: string): ReleaseAsset {
    const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'osx' : platform;
    const rid = `${os}-${arch}`;
    if (!publishedRids.includes(rid)) {
        throw new Error(`PipelineGuard publishes no binary for this agent (${rid}; there are ${publishedRids.join(', ')}). ` +
            'Run it with .NET instead: the template action/azure-pipelines/pipelineguard.yml with mode: dotnet.');
    }
    const windows = os === 'win';
    return {
        rid,
        fileName: `pipelineguard-${version}-${rid}.${windows ? 'zip' : 'tar.gz'}`,
        archive: windows ? 'zip' : 'tar.gz',
        binaryName: windows ? 'pipelineguard.exe' : 'pipelineguard',
    };
}

// A version is only ever a release's: it goes into a URL and a cache folder name.
export function checkVersion(version: string): string {
    const cleaned = version.replace(/^v/, '');
    if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(cleaned)) {
        throw new Error(`'${version}' is not a PipelineGuard release version (e.g. 0.1.0).`);
    }
    return cleaned;
}

export function releaseFileUrl(baseUrl: string | undefined, version: string, fileName: string): string {
    const base = (baseUrl ?? defaultReleaseUrl).replace(/\/+$/, '');
    return `${base}/v${version}/${fileName}`;
}
