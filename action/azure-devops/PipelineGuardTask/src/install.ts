import fs = require('fs');
import path = require('path');
import tl = require('azure-pipelines-task-lib/task');
import toolLib = require('azure-pipelines-tool-lib/tool');
import { expectedSha256, sha256OfFile } from './checksum';
import { ReleaseAsset, releaseFileUrl } from './releaseAsset';

const toolName = 'pipelineguard';

// Where the binary comes from: a version, the asset for this agent, the base URL of the releases.
export interface InstallRequest {
    version: string;
    asset: ReleaseAsset;
    arch: string;
    releaseUrl: string | undefined;
}

// The path of the pipelineguard binary of this version: from the agent's tool cache, or downloaded once,
// checked against the release's SHA256SUMS and then cached. tool-lib's downloads go through the agent's proxy
// and certificate settings (task-lib's getHttpProxyConfiguration), so self-hosted agents behind a proxy work.
export async function installPipelineGuard(request: InstallRequest): Promise<string> {
    const { version, asset, arch } = request;
    const cached = toolLib.findLocalTool(toolName, version, arch);
    if (cached) {
        console.log(`PipelineGuard ${version} (${asset.rid}) from the tool cache: ${cached}`);
        return binaryIn(cached, asset);
    }

    const assetUrl = releaseFileUrl(request.releaseUrl, version, asset.fileName);
    const sumsUrl = releaseFileUrl(request.releaseUrl, version, 'SHA256SUMS');
    console.log(`Downloading PipelineGuard ${version} (${asset.rid}) from ${assetUrl}`);
    const archive = await toolLib.downloadTool(assetUrl);
    const sums = await toolLib.downloadTool(sumsUrl);

    // Verified before anything is extracted or cached: a tampered or truncated download never runs, and never
    // reaches the cache where a later job would trust it.
    const expected = expectedSha256(fs.readFileSync(sums, 'utf8'), asset.fileName);
    if (!expected) {
        throw new Error(`SHA256SUMS of PipelineGuard ${version} (${sumsUrl}) lists no ${asset.fileName}; the download is not used.`);
    }
    const actual = sha256OfFile(archive);
    if (actual !== expected) {
        throw new Error(`SHA256 mismatch for ${asset.fileName}: SHA256SUMS says ${expected}, the download is ${actual}. ` +
            'The download is not used; check the release URL or the proxy in between.');
    }
    console.log(`SHA256 of ${asset.fileName} matches SHA256SUMS (${actual}).`);

    const extracted = asset.archive === 'zip'
        ? await toolLib.extractZip(archive)
        : await toolLib.extractTar(archive);
    const cachedDir = await toolLib.cacheDir(extracted, toolName, version, arch);
    return binaryIn(cachedDir, asset);
}

function binaryIn(dir: string, asset: ReleaseAsset): string {
    const binary = path.join(dir, asset.binaryName);
    if (!fs.existsSync(binary)) {
        throw new Error(`${binary} is missing: the PipelineGuard archive or the tool cache is incomplete.`);
    }
    if (process.platform !== 'win32') {
        fs.chmodSync(binary, 0o755);
    }
    tl.debug(`pipelineguard binary: ${binary}`);
    return binary;
}
