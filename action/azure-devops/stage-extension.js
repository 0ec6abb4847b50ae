#!/usr/bin/env node
// Lays out the extension for `tfx extension create` in OUT_DIR, exactly as it ships:
//   vss-extension.json, overview.md, LICENSE, images/, and PipelineGuardTask/ with task.json, icon.png,
//   package.json, the compiled handler (dist/src, not the tests) and the production node_modules only (the
//   packages package-lock.json does not mark dev), so mocha, TypeScript and tfx-cli stay out of the .vsix.
// The version of the extension and of the task is Directory.Build.props' <Version>, stamped here, so a release
// changes one file. Run `npm ci` and `npm run build` in PipelineGuardTask/ first.
//
//   node action/azure-devops/stage-extension.js OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const here = __dirname;
const repository = path.join(here, '..', '..');
const taskFolder = path.join(here, 'PipelineGuardTask');

function main(out) {
    const version = productVersion();
    const [major, minor, patch] = version.split(/[.-]/).map(Number);
    const handler = path.join(taskFolder, 'dist', 'src', 'index.js');
    if (!fs.existsSync(handler)) {
        throw new Error(`${handler} is missing: run npm ci and npm run build in ${taskFolder} first.`);
    }

    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(here, 'vss-extension.json'), 'utf8'));
    manifest.version = version;
    fs.writeFileSync(path.join(out, 'vss-extension.json'), JSON.stringify(manifest, null, 2) + '\n');
    fs.copyFileSync(path.join(here, 'overview.md'), path.join(out, 'overview.md'));
    fs.copyFileSync(path.join(repository, 'LICENSE'), path.join(out, 'LICENSE'));
    fs.cpSync(path.join(here, 'images'), path.join(out, 'images'), { recursive: true });

    const task = path.join(out, 'PipelineGuardTask');
    fs.mkdirSync(task);
    const taskJson = JSON.parse(fs.readFileSync(path.join(taskFolder, 'task.json'), 'utf8'));
    taskJson.version = { Major: major, Minor: minor, Patch: patch };
    fs.writeFileSync(path.join(task, 'task.json'), JSON.stringify(taskJson, null, 2) + '\n');
    fs.copyFileSync(path.join(here, 'images', 'icon.png'), path.join(task, 'icon.png'));
    fs.copyFileSync(path.join(taskFolder, 'package.json'), path.join(task, 'package.json'));
    fs.cpSync(path.join(taskFolder, 'dist', 'src'), path.join(task, 'dist', 'src'), { recursive: true });

    const lock = JSON.parse(fs.readFileSync(path.join(taskFolder, 'package-lock.json'), 'utf8'));
    let packages = 0;
    for (const [key, entry] of Object.entries(lock.packages)) {
        // Top-level packages only: a copied package brings its own nested node_modules along.
        if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) || entry.dev) {
            continue;
        }
        const source = path.join(taskFolder, key);
        if (!fs.existsSync(source)) {
            throw new Error(`${source} is missing: run npm ci in ${taskFolder} first.`);
        }
        fs.cpSync(source, path.join(task, key), { recursive: true });
        packages++;
    }
    console.log(`staged PipelineGuard ${version} in ${out} (${packages} production packages)`);
}

function productVersion() {
    const props = fs.readFileSync(path.join(repository, 'Directory.Build.props'), 'utf8');
    const match = /<Version>([^<]+)<\/Version>/.exec(props);
    if (!match) {
        throw new Error('Directory.Build.props has no <Version>.');
    }
    return match[1].trim();
}

if (process.argv.length !== 3) {
    console.error('usage: node stage-extension.js OUT_DIR');
    process.exit(2);
}
main(path.resolve(process.argv[2]));
