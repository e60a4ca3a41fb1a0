// A stand-in for curl on the PATH of a CI script under test: it answers each URL from a table of routes and records
// every request (method, URL, headers, body), so a test sees what a script asked of Vault or GitLab and with what.
import { mkdtempSync, writeFileSync, readFileSync, existsSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = `#!/usr/bin/env bash
# fake curl: routes in $FAKE_CURL/routes.json ([{match, status, body}]), requests appended to $FAKE_CURL/requests.jsonl
set -euo pipefail
method=GET url="" data="" headers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --request|-X) method="$2"; shift ;;
    --header|-H) headers+=("$2"); shift ;;
    --data|-d) data="$2"; [ "$data" = @- ] && data=$(cat); [ "$method" = GET ] && method=POST; shift ;;
    --dump-header|-o|--retry) shift ;;
    http*) url="$1" ;;
  esac
  shift
done
jq -cn --arg method "$method" --arg url "$url" --arg data "$data" --args '{method: $method, url: $url, data: $data, headers: $ARGS.positional}' \
  "\${headers[@]}" >>"$FAKE_CURL/requests.jsonl"
route=$(jq -c --arg url "$url" --arg method "$method" 'map(select(. as $r | ($r.method // $method) == $method and ($url | contains($r.match)))) | first // empty' "$FAKE_CURL/routes.json")
if [ -z "$route" ]; then echo "curl: (22) fake: no route for $method $url" >&2; exit 22; fi
status=$(jq -r '.status // 200' <<<"$route")
if [ "$status" -ge 400 ]; then echo "curl: (22) The requested URL returned error: $status" >&2; exit 22; fi
jq -r '.body | if type == "string" then . else tojson end' <<<"$route"
`;

/** A folder with bin/curl and the given routes; `env` puts it first on the PATH. */
export function fakeCurl(routes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-curl-'));
  mkdirSync(path.join(dir, 'bin'));
  writeFileSync(path.join(dir, 'bin/curl'), script);
  chmodSync(path.join(dir, 'bin/curl'), 0o755);
  writeFileSync(path.join(dir, 'routes.json'), JSON.stringify(routes));
  return {
    dir,
    env: { FAKE_CURL: dir, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` },
    requests() {
      const file = path.join(dir, 'requests.jsonl');
      return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : [];
    },
  };
}

/** An unsigned JWT with these claims (Vault, not the script, checks the signature). */
export function idToken(claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
