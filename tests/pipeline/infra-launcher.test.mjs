// scripts/ci/infra, run for real with bash on a copy of its folder layout, against a fake `dotnet` that
// records how it was asked to publish: which kind (Native AOT or ReadyToRun) for which toolchain, and
// that it publishes again only when the command's sources change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, chmodSync, readFileSync, existsSync, symlinkSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// What the launcher itself runs; anything else (a C toolchain above all) is only on the PATH when a test puts it there.
const utilities = ['bash', 'env', 'uname', 'find', 'sort', 'xargs', 'sha256sum', 'cat', 'rm', 'mkdir', 'dirname'];

function executable(file, text) {
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

// A repository with the launcher, one source file per project of the command, and a PATH of its own.
function layout({ toolchain = [] } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'infra-launcher-'));
  mkdirSync(path.join(root, 'scripts/ci'), { recursive: true });
  copyFileSync(path.join(repository, 'scripts/ci/infra'), path.join(root, 'scripts/ci/infra'));
  for (const project of ['components/Infra.Blueprints', 'policies/Infra.Policies', 'tools/Infra.Cli']) {
    mkdirSync(path.join(root, project), { recursive: true });
    writeFileSync(path.join(root, project, 'Code.cs'), `// ${project}\n`);
  }
  for (const file of ['Directory.Build.props', 'Directory.Packages.props', 'global.json']) {
    writeFileSync(path.join(root, file), `${file}\n`);
  }
  const bin = path.join(root, '.bin');
  mkdirSync(bin);
  for (const name of utilities) {
    const found = spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    assert.ok(found, `${name} is needed to run the launcher`);
    symlinkSync(found, path.join(bin, name));
  }
  for (const name of toolchain) {
    executable(path.join(bin, name), '#!/bin/sh\nexit 0\n');
  }
  const log = path.join(root, 'dotnet.log');
  // The fake publish writes an `infra` that says which publish made it and what it was given.
  executable(path.join(bin, 'dotnet'), `#!/bin/bash
PATH=/usr/bin:/bin
printf '%s\\n' "$*" >> "${log}"
while [ $# -gt 0 ]; do case "$1" in --output) out="$2"; shift ;; esac; shift; done
mkdir -p "$out"
n=$(wc -l < "${log}")
printf '#!/bin/bash\\necho "infra from publish %s: $*"\\n' "$n" > "$out/infra"
chmod +x "$out/infra"
`);
  const run = (args = ['validate'], env = {}) => {
    const result = spawnSync(path.join(root, 'scripts/ci/infra'), args, { cwd: root, env: { PATH: bin, HOME: root, ...env }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const publishes = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  return { root, run, publishes };
}

test('with clang on the PATH the command is published Native AOT, linked by clang, and run with its arguments', () => {
  const repo = layout({ toolchain: ['clang'] });
  const result = repo.run(['plan', '--stack', 'staging']);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), 'infra from publish 1: plan --stack staging');
  const [publish] = repo.publishes();
  assert.match(publish, /^publish .*\/tools\/Infra\.Cli --configuration Release --runtime linux-(x64|arm64) -p:PublishAot=true -p:CppCompilerAndLinker=clang --output .*\/tools\/Infra\.Cli\/bin\/ci\/linux-(x64|arm64)\/aot /);
});

test('with gcc and objcopy but no clang the AOT publish links with gcc; gcc without objcopy is no toolchain', () => {
  const gcc = layout({ toolchain: ['gcc', 'objcopy'] });
  assert.equal(gcc.run().status, 0);
  assert.match(gcc.publishes()[0], /-p:PublishAot=true -p:CppCompilerAndLinker=gcc /);
  const gccOnly = layout({ toolchain: ['gcc'] });
  assert.equal(gccOnly.run().status, 0);
  assert.match(gccOnly.publishes()[0], /--self-contained false -p:PublishReadyToRun=true --output .*\/readytorun /);
});

test('without a C toolchain the command is published ReadyToRun, framework-dependent', () => {
  const repo = layout();
  const result = repo.run(['--version']);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), 'infra from publish 1: --version');
  assert.doesNotMatch(repo.publishes()[0], /PublishAot/);
});

test('the binary is published once and again only when a source of the command changes', () => {
  const repo = layout({ toolchain: ['clang'] });
  repo.run();
  repo.run();
  assert.equal(repo.publishes().length, 1);
  // A change outside the command's projects and build settings does not count.
  writeFileSync(path.join(repo.root, 'README.md'), 'changed\n');
  repo.run();
  assert.equal(repo.publishes().length, 1);
  appendFileSync(path.join(repo.root, 'policies/Infra.Policies/Code.cs'), '// a new rule\n');
  assert.equal(repo.run().stdout.trim(), 'infra from publish 2: validate');
  writeFileSync(path.join(repo.root, 'tools/Infra.Cli/New.cs'), '// a new file\n');
  repo.run();
  appendFileSync(path.join(repo.root, 'Directory.Packages.props'), '<!-- a new version -->\n');
  repo.run();
  assert.equal(repo.publishes().length, 4);
});

test('INFRA_PUBLISH chooses the kind; aot without a toolchain and an unknown kind are bad usage (exit 2) and publish nothing', () => {
  const repo = layout({ toolchain: ['clang'] });
  assert.equal(repo.run(['validate'], { INFRA_PUBLISH: 'readytorun' }).status, 0);
  assert.match(repo.publishes()[0], /PublishReadyToRun=true/);

  const bare = layout();
  const aot = bare.run(['validate'], { INFRA_PUBLISH: 'aot' });
  assert.equal(aot.status, 2);
  assert.match(aot.stderr, /INFRA_PUBLISH=aot needs a C toolchain on the PATH \(clang, or gcc with objcopy\)/);
  const unknown = bare.run(['validate'], { INFRA_PUBLISH: 'native' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /INFRA_PUBLISH is 'native'; allowed: aot, readytorun/);
  assert.deepEqual(bare.publishes(), []);
});

test('a publish that fails (a trim or AOT warning is an error) fails the command and leaves no binary to run', () => {
  const repo = layout({ toolchain: ['clang'] });
  executable(path.join(repo.root, '.bin', 'dotnet'), '#!/bin/bash\necho "error IL3050: reflection" >&2\nexit 1\n');
  const result = repo.run();
  assert.equal(result.status, 1);
  assert.match(result.stderr, /IL3050/);
  assert.equal(repo.run().status, 1, 'the next run publishes again instead of running a stale binary');
});
