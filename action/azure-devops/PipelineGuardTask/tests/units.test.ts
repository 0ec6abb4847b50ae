import assert = require('assert');
import { remoteBranch } from '../src/checkArguments';
import { expectedSha256 } from '../src/checksum';
import { ruleList, words } from '../src/inputText';
import { checkVersion, releaseAsset, releaseFileUrl } from '../src/releaseAsset';
import { toolEnvironment } from '../src/toolEnvironment';

describe('Release assets', () => {
    it('names the asset release.yml publishes for each agent OS and architecture', () => {
        assert.deepStrictEqual(
            [['linux', 'x64'], ['linux', 'arm64'], ['darwin', 'arm64'], ['win32', 'x64']].map(([p, a]) => releaseAsset('0.1.0', p, a).fileName),
            ['pipelineguard-0.1.0-linux-x64.tar.gz', 'pipelineguard-0.1.0-linux-arm64.tar.gz', 'pipelineguard-0.1.0-osx-arm64.tar.gz', 'pipelineguard-0.1.0-win-x64.zip']);
        assert.strictEqual(releaseAsset('0.1.0', 'win32', 'x64').binaryName, 'pipelineguard.exe');
        assert.strictEqual(releaseAsset('0.1.0', 'linux', 'x64').binaryName, 'pipelineguard');
    });

    it('says what to do on an agent without a published binary', () => {
        assert.throws(() => releaseAsset('0.1.0', 'darwin', 'x64'), /no binary for this agent \(osx-x64.*mode: dotnet/);
    });

    it('builds download URLs under GitHub releases or a mirror', () => {
        assert.strictEqual(releaseFileUrl(undefined, '0.1.0', 'SHA256SUMS'),
            'https://github.com/pipelineguard/pipelineguard/releases/download/v0.1.0/SHA256SUMS');
        assert.strictEqual(releaseFileUrl('https://mirror.example/pg/', '0.1.0', 'SHA256SUMS'), 'https://mirror.example/pg/v0.1.0/SHA256SUMS');
    });

    it('accepts release versions only', () => {
        assert.strictEqual(checkVersion('v0.2.0'), '0.2.0');
        assert.strictEqual(checkVersion('1.0.0-rc.1'), '1.0.0-rc.1');
        for (const bad of ['latest', '0.1', '0.1.0/../x', '0.1.0 ']) {
            assert.throws(() => checkVersion(bad), /not a PipelineGuard release version/);
        }
    });
});

describe('SHA256SUMS', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    it('finds the hash of a file in text or binary mode lines, and nothing for a file it does not list', () => {
        const sums = `${a}  pipelineguard-0.1.0-linux-x64.tar.gz\r\n${b} *pipelineguard-0.1.0-win-x64.zip\n`;
        assert.strictEqual(expectedSha256(sums, 'pipelineguard-0.1.0-linux-x64.tar.gz'), a);
        assert.strictEqual(expectedSha256(sums, 'pipelineguard-0.1.0-win-x64.zip'), b.toLowerCase());
        assert.strictEqual(expectedSha256(sums, 'pipelineguard-0.1.0-linux'), undefined);
    });
});

describe('Input text', () => {
    it('splits paths on spaces and newlines and joins rule lists with commas', () => {
        assert.deepStrictEqual(words(' a  b\r\nc\n'), ['a', 'b', 'c']);
        assert.strictEqual(ruleList('PG101, pip-unpinned\nPG120,'), 'PG101,pip-unpinned,PG120');
        assert.strictEqual(ruleList(' \n'), undefined);
    });

    it('turns a pull request target branch into the remote branch a checkout has', () => {
        assert.strictEqual(remoteBranch('refs/heads/main'), 'origin/main');
        assert.strictEqual(remoteBranch('refs/heads/release/1.2'), 'origin/release/1.2');
        assert.strictEqual(remoteBranch(undefined), undefined);
    });
});

describe('The tool\'s environment', () => {
    const agent = { PATH: '/usr/bin', TF_BUILD: 'True' };
    const sources = (env: { [key: string]: string | undefined }, token?: string, proxy?: string) =>
        ({ processEnv: env, jobToken: () => token, collectionProxy: () => proxy });

    it('passes the job token and the agent proxy for pull-request threads, both as secrets', () => {
        const result = toolEnvironment(true, sources(agent, 'job-token', 'http://user:pw@proxy.corp:8080'));
        assert.strictEqual(result.env['SYSTEM_ACCESSTOKEN'], 'job-token');
        assert.strictEqual(result.env['HTTPS_PROXY'], 'http://user:pw@proxy.corp:8080');
        assert.strictEqual(result.env['NO_COLOR'], '1');
        assert.strictEqual(result.env['TF_BUILD'], 'True');
        assert.deepStrictEqual(result.secrets, ['job-token', 'http://user:pw@proxy.corp:8080']);
        assert.deepStrictEqual(result.warnings, []);
    });

    it('masks a proxy URL only when it carries credentials', () => {
        const result = toolEnvironment(true, sources(agent, 'job-token', 'http://proxy.corp:8080'));
        assert.strictEqual(result.env['HTTPS_PROXY'], 'http://proxy.corp:8080');
        assert.deepStrictEqual(result.secrets, ['job-token']);
    });

    it('keeps a mapped token and a proxy the job sets itself', () => {
        const result = toolEnvironment(true, sources({ ...agent, SYSTEM_ACCESSTOKEN: 'mapped', HTTPS_PROXY: 'http://own:3128' }, 'job-token', 'http://proxy.corp:8080'));
        assert.strictEqual(result.env['SYSTEM_ACCESSTOKEN'], 'mapped');
        assert.strictEqual(result.env['HTTPS_PROXY'], 'http://own:3128');
        assert.deepStrictEqual(result.secrets, []);
    });

    it('warns once without a token and adds neither token nor proxy without threads', () => {
        assert.deepStrictEqual(toolEnvironment(true, sources(agent)).warnings,
            ['No access token for pull-request threads: map SYSTEM_ACCESSTOKEN: $(System.AccessToken) in the task\'s env.']);
        const plain = toolEnvironment(false, sources(agent, 'job-token', 'http://proxy.corp:8080'));
        assert.strictEqual(plain.env['SYSTEM_ACCESSTOKEN'], undefined);
        assert.strictEqual(plain.env['HTTPS_PROXY'], undefined);
        assert.deepStrictEqual(plain.warnings, []);
    });
});
