// People's VPN certificates, with real certificates made by openssl: scripts/vpn-certificate.sh (a person's one
// command) against a fake vault CLI that signs the CSR with a test CA, and scripts/ci/vpn-revocations.sh (after the
// people update) against fake curl (Vault's API) and a fake aws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, chmodSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeCurl } from './fake-curl.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pki = mkdtempSync(path.join(tmpdir(), 'vpn-pki-'));
process.on('exit', () => rmSync(pki, { recursive: true, force: true }));

function openssl(...args) {
  return execFileSync('openssl', args, { cwd: pki, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A self-signed CA (name.pem, name.key). */
function ca(name, subject) {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${subject}`);
  return readFileSync(path.join(pki, `${name}.pem`), 'utf8');
}

/** A client certificate for the common name, signed by the CA named `issuer`. */
function client(commonName, issuer = 'vpn-ca') {
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.csr', '-subj', `/CN=${commonName}`);
  openssl('x509', '-req', '-in', 'client.csr', '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-days', '7', '-out', 'client.pem');
  return readFileSync(path.join(pki, 'client.pem'), 'utf8');
}

const vpnCa = ca('vpn-ca', 'staging VPN client CA');
const servicesCa = ca('services-ca', 'staging services intermediate CA');
const crl = '-----BEGIN X509 CRL-----\nMIIBfake\n-----END X509 CRL-----\n';
const token = 'hvs.the-apply-token';

// The certificates Vault has stored on pki-vpn: the CA's own, one per person, one already revoked.
const certificates = {
  '00-ca': { certificate: vpnCa, revocation_time: 0 },
  '11-jdoe': { certificate: client('jdoe.vpn.staging.internal'), revocation_time: 0 },
  '22-cmurphy': { certificate: client('cmurphy.vpn.staging.internal'), revocation_time: 0 },
  '33-bfaure': { certificate: client('bfaure.vpn.staging.internal'), revocation_time: 0 },
  '44-gone': { certificate: client('gone.vpn.staging.internal'), revocation_time: 0 },
  '55-lpetit': { certificate: client('lpetit.vpn.staging.internal'), revocation_time: 1764000000 },
};
const entities = {
  jdoe: { disabled: false, policies: ['vpn-certificate'] },
  cmurphy: { disabled: true, policies: ['vpn-certificate'] },
  bfaure: { disabled: false, policies: [] },
  lpetit: { disabled: true, policies: [] },
};

function vaultRoutes({ skip = [] } = {}) {
  const routes = [
    { method: 'LIST', match: '/v1/identity/entity/name', body: { data: { keys: Object.keys(entities) } } },
    ...Object.entries(entities).map(([name, data]) => ({ method: 'GET', match: `/v1/identity/entity/name/${name}`, body: { data: { name, ...data } } })),
    { method: 'LIST', match: '/v1/pki-vpn/certs', body: { data: { keys: Object.keys(certificates) } } },
    ...Object.entries(certificates).map(([serial, data]) => ({ method: 'GET', match: `/v1/pki-vpn/cert/${serial}`, body: { data } })),
    { method: 'POST', match: '/v1/pki-vpn/revoke', body: { data: { revocation_time: 1765000000 } } },
    { method: 'GET', match: '/v1/pki-vpn/ca/pem', body: vpnCa },
    { method: 'GET', match: '/v1/pki-vpn/crl/pem', body: crl },
  ];
  return routes.filter((route) => !skip.includes(route.match));
}

const regions = ['eu-west-3', 'eu-west-1'];

/** The endpoint id the fake aws gives the stack's endpoint in a region. */
const endpointIn = (region) => `cvpn-endpoint-0${region}`;

/**
 * Runs vpn-revocations.sh for staging against a fake aws with the stack's endpoint in each region of Pulumi.staging.yaml.
 * Per region (`in`): `chain`, the CA chain of the ACM certificate the endpoint trusts; `tag`, the endpoint's Name tag;
 * `down`, the region's API does not answer (the region is lost).
 */
function revocations({ chain = vpnCa, tag = 'vpn-staging', routes = vaultRoutes(), args = ['staging'], in: per = {} } = {}) {
  const curl = fakeCurl(routes);
  const work = mkdtempSync(path.join(tmpdir(), 'vpn-aws-'));
  mkdirSync(path.join(work, 'bin'));
  for (const region of regions) {
    const here = { chain, tag, down: false, ...per[region] };
    writeFileSync(path.join(work, `endpoints-${region}.json`), JSON.stringify({
      ClientVpnEndpoints: [
        { ClientVpnEndpointId: 'cvpn-endpoint-0other', Tags: [{ Key: 'Name', Value: 'vpn-other' }], AuthenticationOptions: [] },
        {
          ClientVpnEndpointId: endpointIn(region), Tags: [{ Key: 'Name', Value: here.tag }],
          AuthenticationOptions: [
            { Type: 'federated-authentication', FederatedAuthentication: { SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/idp' } },
            { Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChain: `arn:aws:acm:${region}:111122223333:certificate/vpn-root` } },
          ],
        },
      ],
    }));
    writeFileSync(path.join(work, `acm-${region}.json`), JSON.stringify({ Certificate: client('vpn-root.vpn.staging.internal'), CertificateChain: here.chain }));
    if (here.down) writeFileSync(path.join(work, `down-${region}`), '');
  }
  writeFileSync(path.join(work, 'bin/aws'), `#!/usr/bin/env bash
echo "aws $*" >>"${work}/calls.log"
region=$(sed -n 's/.*--region \\([a-z0-9-]*\\).*/\\1/p' <<<"$*")
if [ -e "${work}/down-\${region}" ]; then echo "Could not connect to the endpoint URL: \\"https://ec2.\${region}.amazonaws.com/\\"" >&2; exit 255; fi
case "$*" in
  *describe-client-vpn-endpoints*) cat "${work}/endpoints-\${region}.json" ;;
  *"acm get-certificate"*) cat "${work}/acm-\${region}.json" ;;
  *import-client-vpn-client-certificate-revocation-list*)
    file=$(sed -n 's/.*--certificate-revocation-list file:\\/\\/\\([^ ]*\\).*/\\1/p' <<<"$*")
    endpoint=$(sed -n 's/.*--client-vpn-endpoint-id \\([^ ]*\\).*/\\1/p' <<<"$*")
    cp "$file" "${work}/imported-\${region}-\${endpoint}.pem" ;;
  *) echo "fake aws: unexpected $*" >&2; exit 2 ;;
esac
`);
  chmodSync(path.join(work, 'bin/aws'), 0o755);
  const result = spawnSync('bash', [path.join(repository, 'scripts/ci/vpn-revocations.sh'), ...args], {
    cwd: repository, encoding: 'utf8',
    env: { ...process.env, ...curl.env, PATH: `${path.join(work, 'bin')}:${curl.env.PATH}`, VAULT_ADDR: 'https://vault.stg.example-bank.eu', VAULT_TOKEN: token },
  });
  const calls = existsSync(path.join(work, 'calls.log')) ? readFileSync(path.join(work, 'calls.log'), 'utf8').trim().split('\n') : [];
  // The CRL each region's endpoint received, by region; only the stack's own endpoint there counts.
  const imported = Object.fromEntries(regions.map((region) => {
    const file = path.join(work, `imported-${region}-${endpointIn(region)}.pem`);
    return [region, existsSync(file) ? readFileSync(file, 'utf8') : null];
  }));
  const requests = curl.requests();
  rmSync(work, { recursive: true, force: true });
  rmSync(curl.dir, { recursive: true, force: true });
  return { ...result, calls, imported, requests };
}

test('a leaver\'s, a person without a VPN network\'s and an unknown person\'s certificates are revoked, then the CRL reaches the endpoint of each region', () => {
  const result = revocations();

  assert.equal(result.status, 0, result.stderr);
  const revoked = result.requests.filter((r) => r.url.endsWith('/v1/pki-vpn/revoke')).map((r) => JSON.parse(r.data).serial_number);
  assert.deepEqual(revoked.sort(), ['22-cmurphy', '33-bfaure', '44-gone']);
  assert.match(result.stdout, /revoked 22-cmurphy \(cmurphy\.vpn\.staging\.internal\): cmurphy left \(their entity is disabled\)/);
  assert.match(result.stdout, /revoked 33-bfaure \(bfaure\.vpn\.staging\.internal\): bfaure has no VPN network in staging any more/);
  assert.match(result.stdout, /revoked 44-gone \(gone\.vpn\.staging\.internal\): gone has no Vault entity/);
  assert.ok(result.requests.every((r) => r.headers.includes(`X-Vault-Token: ${token}`)), 'every Vault call carries the token in a header');
  assert.ok(!`${result.stdout}${result.stderr}`.includes(token), 'the token is never printed');
  for (const region of regions) {
    assert.ok(result.calls.some((c) => c.includes('describe-client-vpn-endpoints') && c.includes(`--region ${region}`)), `in ${region}, a region of Pulumi.staging.yaml`);
    assert.ok(result.calls.some((c) => c.includes('acm get-certificate') && c.includes(`arn:aws:acm:${region}:111122223333:certificate/vpn-root`) && c.includes(`--region ${region}`)));
    assert.equal(result.imported[region]?.trim(), crl.trim(), `the endpoint in ${region} gets Vault's CRL as it is`);
    assert.match(result.stdout, new RegExp(`the CRL of pki-vpn is imported into ${endpointIn(region)} \\(vpn-staging, ${region}\\)`));
  }
  const lastRevoke = result.requests.findLastIndex((r) => r.url.endsWith('/revoke'));
  const crlRead = result.requests.findIndex((r) => r.url.endsWith('/v1/pki-vpn/crl/pem'));
  assert.ok(lastRevoke < crlRead, 'the CRL is read after the last revocation, so it lists them');
});

test('with the primary region lost, the CRL still reaches the secondary\'s endpoint and the job fails naming the lost region', () => {
  const result = revocations({ in: { 'eu-west-3': { down: true } } });

  assert.equal(result.status, 1);
  assert.equal(result.imported['eu-west-1']?.trim(), crl.trim());
  assert.equal(result.imported['eu-west-3'], null);
  assert.match(result.stderr, /could not list the Client VPN endpoints in eu-west-3/);
  assert.match(result.stderr, /the CRL did not reach the endpoint in eu-west-3; people revoked there can still connect until it does/);
});

test('an endpoint that trusts the services\' CA instead of the VPN CA fails the job and gets no import; the other region\'s still does', () => {
  const result = revocations({ in: { 'eu-west-1': { chain: servicesCa } } });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /cvpn-endpoint-0eu-west-1 \(vpn-staging, eu-west-1\) trusts client certificates through arn:aws:acm:eu-west-1:111122223333:certificate\/vpn-root, whose chain is not exactly the VPN CA of pki-vpn/);
  assert.equal(result.imported['eu-west-1'], null);
  assert.equal(result.imported['eu-west-3']?.trim(), crl.trim());
});

test('an endpoint whose chain holds the services\' CA beside the VPN CA fails too', () => {
  const result = revocations({ chain: vpnCa + servicesCa });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /never the services' CA/);
  assert.deepEqual(result.imported, { 'eu-west-3': null, 'eu-west-1': null });
});

test('without an endpoint tagged Name=vpn-<stack> in a region the job fails and says what it looked for, and where', () => {
  const result = revocations({ in: { 'eu-west-1': { tag: 'vpn-somewhere-else' } } });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /expected one Client VPN endpoint tagged Name=vpn-staging in eu-west-1, found 0/);
  assert.match(result.stderr, /the CRL did not reach the endpoint in eu-west-1/);
  assert.equal(result.imported['eu-west-1'], null);
  assert.equal(result.imported['eu-west-3']?.trim(), crl.trim());
});

test('a Vault failure stops the job before any revocation or import', () => {
  const result = revocations({ routes: vaultRoutes({ skip: ['/v1/pki-vpn/certs'] }) });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /Vault LIST pki-vpn\/certs failed/);
  assert.ok(!result.requests.some((r) => r.url.endsWith('/revoke')));
  assert.deepEqual(result.imported, { 'eu-west-3': null, 'eu-west-1': null });
});

test('a CRL that Vault cannot give stops the job before any import', () => {
  const result = revocations({ routes: vaultRoutes({ skip: ['/v1/pki-vpn/crl/pem'] }) });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /Vault GET pki-vpn\/crl\/pem failed/);
  assert.ok(!result.calls.some((c) => c.includes('import-client-vpn-client-certificate-revocation-list')));
});

test('an unknown stack is bad usage (exit 2)', () => {
  const result = revocations({ args: ['prod'] });

  assert.equal(result.status, 2);
  assert.match(result.stderr, /usage: vpn-revocations\.sh staging\|production/);
});

/** Runs scripts/vpn-certificate.sh with a fake vault CLI that signs the CSR with the VPN test CA, or refuses. */
function person(args, { refuse = false, home } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'vpn-person-'));
  mkdirSync(path.join(work, 'bin'));
  writeFileSync(path.join(work, 'bin/vault'), `#!/usr/bin/env bash
printf '%s\\n' "VAULT_ADDR=$VAULT_ADDR vault $*" >>"${work}/calls.log"
case "$1" in
  token) exit 0 ;;
  write)
    ${refuse ? 'echo "Error writing data to pki-vpn/sign/vpn-client: common name not allowed by this role" >&2; exit 2' : ''}
    csr=$(printf '%s\\n' "$@" | sed -n 's/^csr=@//p'); cp "$csr" "${work}/sent.csr"
    cn=$(printf '%s\\n' "$@" | sed -n 's/^common_name=//p')
    openssl x509 -req -in "$csr" -CA "${pki}/vpn-ca.pem" -CAkey "${pki}/vpn-ca.key" -CAcreateserial -days 7 -out "${work}/signed.pem" 2>/dev/null
    jq -n --rawfile c "${work}/signed.pem" --rawfile ca "${pki}/vpn-ca.pem" --arg cn "$cn" '{data: {certificate: $c, issuing_ca: $ca, common_name: $cn}}' ;;
  *) echo "fake vault: unexpected $*" >&2; exit 2 ;;
esac
`);
  chmodSync(path.join(work, 'bin/vault'), 0o755);
  const result = spawnSync('bash', [path.join(repository, 'scripts/vpn-certificate.sh'), ...args], {
    cwd: work, encoding: 'utf8', env: { ...process.env, HOME: home ?? work, PATH: `${path.join(work, 'bin')}:${process.env.PATH}` },
  });
  const calls = existsSync(path.join(work, 'calls.log')) ? readFileSync(path.join(work, 'calls.log'), 'utf8').trim().split('\n') : [];
  const sent = existsSync(path.join(work, 'sent.csr')) ? readFileSync(path.join(work, 'sent.csr'), 'utf8') : null;
  return { ...result, calls, sent, work };
}

test('one command makes the key on the device and gets the certificate Vault signs for the person\'s own name', () => {
  const result = person(['staging', 'jdoe']);
  const dir = path.join(result.work, '.vpn/staging');

  assert.equal(result.status, 0, result.stderr);
  const write = result.calls.find((c) => c.includes(' write '));
  assert.match(write, /^VAULT_ADDR=https:\/\/vault\.stg\.example-bank\.eu vault write -format=json pki-vpn\/sign\/vpn-client csr=@\S+ common_name=jdoe\.vpn\.staging\.internal$/);
  assert.match(result.sent, /BEGIN CERTIFICATE REQUEST/);
  assert.doesNotMatch(result.sent, /PRIVATE KEY/, 'only the CSR goes to Vault');
  const subject = execFileSync('openssl', ['req', '-in', path.join(result.work, 'sent.csr'), '-noout', '-subject', '-nameopt', 'RFC2253'], { encoding: 'utf8' });
  assert.match(subject, /CN=jdoe\.vpn\.staging\.internal/);
  assert.equal(statSync(path.join(dir, 'jdoe.key')).mode & 0o777, 0o600, 'the key is readable by the person alone');
  const modulus = (args) => execFileSync('openssl', args, { encoding: 'utf8' });
  assert.equal(modulus(['x509', '-in', path.join(dir, 'jdoe.crt'), '-noout', '-modulus']), modulus(['rsa', '-in', path.join(dir, 'jdoe.key'), '-noout', '-modulus']),
    'the certificate is for the key made on the device');
  assert.equal(readFileSync(path.join(dir, 'ca.crt'), 'utf8').trim(), vpnCa.trim());
  assert.match(result.stdout, /jdoe\.crt \(notAfter=/);
  rmSync(result.work, { recursive: true, force: true });
});

test('when Vault refuses to sign, the command fails, says why it may have, and replaces nothing', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'vpn-home-'));
  mkdirSync(path.join(home, '.vpn/production'), { recursive: true });
  writeFileSync(path.join(home, '.vpn/production/jdoe.crt'), 'the previous certificate');
  const result = person(['production', 'jdoe'], { refuse: true, home });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /common name not allowed by this role/);
  assert.match(result.stderr, /did not sign jdoe\.vpn\.production\.internal .* you must be logged in as jdoe, and have a VPN network in production/);
  assert.equal(readFileSync(path.join(home, '.vpn/production/jdoe.crt'), 'utf8'), 'the previous certificate');
  assert.ok(!existsSync(path.join(home, '.vpn/production/jdoe.key')), 'no new key is left without its certificate');
  rmSync(home, { recursive: true, force: true });
  rmSync(result.work, { recursive: true, force: true });
});

for (const [args, message] of [[['prod', 'jdoe'], /usage: scripts\/vpn-certificate\.sh staging\|production LOGIN/], [['staging', 'J.Doe'], /LOGIN is your login in people\.yaml/]]) {
  test(`bad usage (${args.join(' ')}) exits 2 before anything is made`, () => {
    const result = person(args);

    assert.equal(result.status, 2);
    assert.match(result.stderr, message);
    assert.deepEqual(result.calls, []);
    rmSync(result.work, { recursive: true, force: true });
  });
}
