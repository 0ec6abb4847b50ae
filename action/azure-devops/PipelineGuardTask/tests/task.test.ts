import assert = require('assert');
import fs = require('fs');
import path = require('path');
import { describeRun, FakeAgent, releaseUrl, runTask, taskMessage, taskVersion } from './helpers';

describe('The PipelineGuard task (MockTestRunner)', function () {
    let agent: FakeAgent;
    beforeEach(() => { agent = new FakeAgent(); });
    afterEach(() => agent.remove());

    function defaultSarif(): string {
        return path.join(agent.temp, 'pipelineguard.sarif');
    }

    function defaultCommand(): string {
        return `${agent.binary()} check --format azure --format sarif --output ${defaultSarif()}`;
    }

    it('runs check --format azure with SARIF to the temp folder when no input is set', async () => {
        agent.publish();
        const run = await runTask(agent.scenario({}, { [defaultCommand()]: { code: 0 } }));
        assert.ok(run.ran(defaultCommand()), describeRun(run));
        assert.strictEqual(run.invokedToolCount, 1);
        assert.ok(run.succeeded, describeRun(run));
    });

    it('maps every input onto the CLI flag it stands for, with the paths last', async () => {
        agent.publish();
        const expected = `${agent.binary()} check --format json --format sarif --output out/pg.sarif`
            + ' --build-log logs/20_image_build_log.txt --build-log acr.log --fail-on warning --config ci/pg.yml'
            + ' --select PG101,pip-unpinned,PG120 --ignore PG130 --only-changed --diff-base origin/release/1.2'
            + ' --azure-repos-threads --baseline base.json envs docker/Dockerfile';
        const run = await runTask(agent.scenario({
            paths: 'envs\n  docker/Dockerfile ',
            buildLog: 'logs/20_image_build_log.txt acr.log',
            format: 'json',
            failOn: 'warning',
            config: 'ci/pg.yml',
            select: 'PG101, pip-unpinned\nPG120',
            ignore: 'PG130',
            onlyChanged: 'true',
            azureReposThreads: 'true',
            sarifFile: 'out/pg.sarif',
            arguments: '--baseline base.json',
        }, { [expected]: { code: 0 } }, {
            environment: { SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/release/1.2', SYSTEM_ACCESSTOKEN: 'mapped-token' },
        }));
        assert.ok(run.ran(expected), describeRun(run));
        assert.ok(run.succeeded, describeRun(run));
    });

    it('passes --online when the online input is true', async () => {
        agent.publish();
        const expected = `${defaultCommand()} --online`;
        const run = await runTask(agent.scenario({ online: 'true' }, { [expected]: { code: 0 } }));
        assert.ok(run.ran(expected), describeRun(run));
        assert.ok(run.succeeded, describeRun(run));
    });

    it('adds no fail-on flag for "configured" and takes an explicit diff base over the target branch', async () => {
        agent.publish();
        const expected = `${defaultCommand()} --fail-on none --only-changed --diff-base origin/main`;
        const run = await runTask(agent.scenario(
            { failOn: 'none', onlyChanged: 'true', diffBase: 'origin/main' },
            { [expected]: { code: 0 } },
            { environment: { SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/develop' } }));
        assert.ok(run.ran(expected), describeRun(run));

        const configured = await runTask(agent.scenario({ failOn: 'configured', onlyChanged: 'false' }, { [defaultCommand()]: { code: 0 } }, { cachedVersion: taskVersion() }));
        assert.ok(configured.ran(defaultCommand()), describeRun(configured));
    });

    it('passes --only-changed alone outside a pull request, and no SARIF flags when publishing is off', async () => {
        agent.publish();
        const expected = `${agent.binary()} check --format azure --only-changed`;
        const run = await runTask(agent.scenario({ onlyChanged: 'true', publishSarif: 'false' }, { [expected]: { code: 0 } }));
        assert.ok(run.ran(expected), describeRun(run));
        assert.ok(!run.stdout.includes('artifact.upload'), describeRun(run));
    });

    it('downloads the release asset and SHA256SUMS once, verifies them and caches the binary by version', async () => {
        const asset = agent.publish('0.2.0');
        const command = `${agent.binary('0.2.0')} check --format azure --format sarif --output ${defaultSarif()}`;
        const run = await runTask(agent.scenario({ version: '0.2.0' }, { [command]: { code: 0 } }));
        assert.ok(run.stdOutContained(`fake-tool-lib downloadTool ${releaseUrl}/v0.2.0/${asset}`), describeRun(run));
        assert.ok(run.stdOutContained(`fake-tool-lib downloadTool ${releaseUrl}/v0.2.0/SHA256SUMS`), describeRun(run));
        assert.ok(run.stdOutContained('matches SHA256SUMS'), describeRun(run));
        assert.ok(run.stdOutContained(`fake-tool-lib cacheDir pipelineguard 0.2.0 ${process.arch}`), describeRun(run));
        assert.ok(run.ran(command), describeRun(run));
        assert.ok(run.succeeded, describeRun(run));
    });

    it('takes the binary from the tool cache without downloading when the version is cached', async () => {
        fs.mkdirSync(path.dirname(agent.binary()), { recursive: true });
        fs.writeFileSync(agent.binary(), '#!/bin/sh\n');
        const run = await runTask(agent.scenario({}, { [defaultCommand()]: { code: 0 } }, { cachedVersion: taskVersion() }));
        assert.ok(run.stdOutContained('from the tool cache'), describeRun(run));
        assert.ok(!run.stdOutContained('fake-tool-lib downloadTool'), describeRun(run));
        assert.ok(!run.stdOutContained('fake-tool-lib cacheDir'), describeRun(run));
        assert.ok(run.ran(defaultCommand()), describeRun(run));
        assert.ok(run.succeeded, describeRun(run));
    });

    it('refuses a download whose SHA256 differs from SHA256SUMS: nothing is extracted, cached or run', async () => {
        agent.publish(taskVersion(), name => `${'ab'.repeat(32)}  ${name}\n`);
        const run = await runTask(agent.scenario({}, { [defaultCommand()]: { code: 0 } }));
        assert.ok(run.failed, describeRun(run));
        assert.match(taskMessage(run), /SHA256 mismatch for pipelineguard-.*: SHA256SUMS says (ab){32}, the download is [0-9a-f]{64}\. The download is not used/);
        assert.ok(!run.stdOutContained('fake-tool-lib extract'), describeRun(run));
        assert.ok(!run.stdOutContained('fake-tool-lib cacheDir'), describeRun(run));
        assert.strictEqual(run.invokedToolCount, 0, describeRun(run));
    });

    it('refuses a download that SHA256SUMS does not list', async () => {
        agent.publish(taskVersion(), () => `${'0'.repeat(64)}  something-else.tar.gz\n`);
        const run = await runTask(agent.scenario({}, {}));
        assert.ok(run.failed, describeRun(run));
        assert.match(taskMessage(run), /lists no pipelineguard-.*the download is not used/);
        assert.strictEqual(run.invokedToolCount, 0, describeRun(run));
    });

    it('fails with a clear message when the release is not there', async () => {
        const run = await runTask(agent.scenario({ version: '9.9.9' }, {}));
        assert.ok(run.failed, describeRun(run));
        assert.match(taskMessage(run), /404/);
        assert.strictEqual(run.invokedToolCount, 0, describeRun(run));
    });

    it('refuses a version that is not a release version before any download', async () => {
        const run = await runTask(agent.scenario({ version: '../../evil' }, {}));
        assert.ok(run.failed, describeRun(run));
        assert.match(taskMessage(run), /is not a PipelineGuard release version/);
        assert.ok(!run.stdOutContained('fake-tool-lib'), describeRun(run));
    });

    it('succeeds on exit code 0', async () => {
        agent.publish();
        const run = await runTask(agent.scenario({}, { [defaultCommand()]: { code: 0, stdout: 'PipelineGuard: no findings' } }));
        assert.ok(run.succeeded, describeRun(run));
        assert.match(taskMessage(run), /found nothing at or above fail-on/);
    });

    it('fails on exit code 1: findings at or above fail-on', async () => {
        agent.publish();
        const run = await runTask(agent.scenario({ failOn: 'warning' }, {
            [`${defaultCommand()} --fail-on warning`]: {
                code: 1,
                stdout: '##vso[task.logissue type=error;sourcepath=envs/env.yml;linenumber=8;code=PG102;]pip package is not pinned',
            },
        }));
        assert.ok(run.failed, describeRun(run));
        assert.strictEqual(taskMessage(run), 'PipelineGuard found findings at or above fail-on (warning).');
    });

    it('fails on exit code 2 with the tool\'s usage message', async () => {
        agent.publish();
        const run = await runTask(agent.scenario({ paths: 'missing' }, {
            [`${defaultCommand()} missing`]: { code: 2, stderr: 'pipelineguard: missing: no such file or folder' },
        }));
        assert.ok(run.failed, describeRun(run));
        assert.strictEqual(taskMessage(run), 'PipelineGuard usage error: pipelineguard: missing: no such file or folder');
    });

    it('fails on exit code 3 with the tool\'s message', async () => {
        agent.publish();
        const run = await runTask(agent.scenario({}, {
            [defaultCommand()]: { code: 3, stderr: 'pipelineguard: internal error: NullReferenceException' },
        }));
        assert.ok(run.failed, describeRun(run));
        assert.strictEqual(taskMessage(run), 'PipelineGuard internal error (please report it): pipelineguard: internal error: NullReferenceException');
    });

    it('uploads the SARIF report as the CodeAnalysisLogs artifact, also when the run fails', async () => {
        agent.publish();
        fs.writeFileSync(defaultSarif(), '{"version":"2.1.0","runs":[]}');
        const run = await runTask(agent.scenario({}, { [defaultCommand()]: { code: 1 } }));
        assert.ok(run.failed, describeRun(run));
        assert.ok(run.stdOutContained(`##vso[artifact.upload containerfolder=CodeAnalysisLogs;artifactname=CodeAnalysisLogs;]${defaultSarif()}`), describeRun(run));
    });

    it('uploads a sarifFile given relative to the sources folder', async () => {
        agent.publish();
        fs.mkdirSync(path.join(agent.sources, 'out'));
        fs.writeFileSync(path.join(agent.sources, 'out', 'pg.sarif'), '{}');
        const command = `${agent.binary()} check --format azure --format sarif --output out/pg.sarif`;
        const run = await runTask(agent.scenario({ sarifFile: 'out/pg.sarif' }, { [command]: { code: 0 } }));
        assert.ok(run.succeeded, describeRun(run));
        assert.ok(run.stdOutContained(`artifactname=CodeAnalysisLogs;]${path.join(agent.sources, 'out', 'pg.sarif')}`), describeRun(run));
    });

    it('warns instead of uploading when the tool wrote no SARIF report (a usage error)', async () => {
        agent.publish();
        const run = await runTask(agent.scenario({}, { [defaultCommand()]: { code: 2, stderr: 'pipelineguard: bad option' } }));
        assert.ok(run.failed, describeRun(run));
        assert.ok(!run.stdOutContained('##vso[artifact.upload'), describeRun(run));
        assert.ok(run.warningIssues.some(w => w.includes('No SARIF report')), describeRun(run));
    });

    it('gives pull-request threads the job token from SystemVssConnection as a secret', async () => {
        agent.publish();
        const command = `${defaultCommand()} --azure-repos-threads`;
        const run = await runTask(agent.scenario({ azureReposThreads: 'true' }, { [command]: { code: 0 } }, {
            environment: { ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: 'job-token-1234' },
        }));
        assert.ok(run.succeeded, describeRun(run));
        assert.ok(run.stdOutContained('##vso[task.setsecret]job-token-1234'), describeRun(run));
        assert.ok(run.ran(command), describeRun(run));
    });
});
