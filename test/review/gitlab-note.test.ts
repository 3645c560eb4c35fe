/**
 * `slz review --post gitlab` against a local HTTP server that records every request. That server is
 * a test double of GitLab's documented Notes API (list with X-Next-Page pagination, create, edit):
 * no GitLab server can run on this machine. What is checked is what slz sends — method, path,
 * token header, body — and that it edits the one note carrying its marker instead of adding another.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCliAsync } from '../../src/cli/main';
import { REVIEW_MARKER } from '../../src/review';
import { synthTree, type SynthTree } from '../helpers/synth';

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly privateToken?: string;
  readonly jobToken?: string;
  readonly body?: { body?: string };
}

let server: Server;
let api = '';
const requests: Recorded[] = [];
let notes: { id: number; body: string; system: boolean }[] = [];
let refuse = 0;

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => resolve(data));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((raw) => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        ...(req.headers['private-token'] ? { privateToken: String(req.headers['private-token']) } : {}),
        ...(req.headers['job-token'] ? { jobToken: String(req.headers['job-token']) } : {}),
        ...(raw ? { body: JSON.parse(raw) as { body?: string } } : {}),
      });
      if (refuse) {
        res.writeHead(refuse, { 'Content-Type': 'application/json' }).end('{"message":"403 Forbidden"}');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /^\/api\/v4\/projects\/(\d+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/.exec(url.pathname);
      if (!m) return void res.writeHead(404).end();
      if (req.method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? '1');
        const per = Number(url.searchParams.get('per_page') ?? '20');
        const slice = notes.slice((page - 1) * per, page * per);
        const next = page * per < notes.length ? String(page + 1) : '';
        return void res.writeHead(200, { 'Content-Type': 'application/json', 'X-Next-Page': next }).end(JSON.stringify(slice));
      }
      const text = (JSON.parse(raw) as { body: string }).body;
      if (req.method === 'POST') {
        const note = { id: 1000 + notes.length, body: text, system: false };
        notes.push(note);
        return void res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(note));
      }
      const note = notes.find((n) => n.id === Number(m[3]));
      if (req.method === 'PUT' && note) {
        note.body = text;
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(note));
      }
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let base: SynthTree;
let head: SynthTree;
beforeAll(() => {
  base = synthTree('test/fixtures/review/base.yaml');
  head = synthTree('test/fixtures/review/head.yaml');
});

const TOKEN = 'glpat-test-token-never-printed';

async function post(env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = { ...process.env };
  for (const k of ['CI_API_V4_URL', 'CI_PROJECT_ID', 'CI_MERGE_REQUEST_IID', 'SLZ_GITLAB_TOKEN', 'CI_JOB_TOKEN']) delete process.env[k];
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += `${t}\n`), err: (t: string) => (stderr += `${t}\n`), debug: false };
  try {
    const code = await runCliAsync(['node', 'slz', 'review', '--base', base.dir, '--head', head.dir, '--format', 'md', '--fail-on', 'never', '--post', 'gitlab'], io);
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
  }
}

const mrEnv = () => ({ CI_API_V4_URL: api, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7', SLZ_GITLAB_TOKEN: TOKEN });

beforeEach(() => {
  requests.length = 0;
  refuse = 0;
});

describe('slz review --post gitlab — against a recording test double of GitLab\'s Notes API (no GitLab server can run here)', () => {
  it('creates the note when the merge request has none, with the project token in PRIVATE-TOKEN', async () => {
    notes = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `a human comment ${i}`, system: i % 3 === 0 }));
    const r = await post(mrEnv());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/created merge-request note 1130 \(!7\)/);
    expect(requests.map((q) => `${q.method} ${q.url}`)).toEqual([
      'GET /api/v4/projects/42/merge_requests/7/notes?per_page=100&page=1&sort=asc&order_by=created_at',
      'GET /api/v4/projects/42/merge_requests/7/notes?per_page=100&page=2&sort=asc&order_by=created_at',
      'POST /api/v4/projects/42/merge_requests/7/notes',
    ]);
    for (const q of requests) expect(q.privateToken).toBe(TOKEN);
    const body = requests[2]!.body!.body!;
    expect(body.startsWith(REVIEW_MARKER)).toBe(true);
    expect(body).toMatch(/RV-KEY-DELETE|Destroyed or irreversible/);
  });

  it('edits that one note on the next push (found by its marker on page 2), never adding another', async () => {
    const before = notes.length;
    const r = await post(mrEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/updated merge-request note 1130/);
    expect(requests.map((q) => q.method)).toEqual(['GET', 'GET', 'PUT']);
    expect(requests[2]!.url).toBe('/api/v4/projects/42/merge_requests/7/notes/1130');
    expect(notes).toHaveLength(before);
    expect(notes.filter((n) => n.body.startsWith(REVIEW_MARKER))).toHaveLength(1);
  });

  it('says why when GitLab refuses the CI job token, and never prints the token', async () => {
    refuse = 403;
    const env = { ...mrEnv(), SLZ_GITLAB_TOKEN: undefined, CI_JOB_TOKEN: TOKEN };
    const r = await post(env);
    expect(r.code).toBe(2);
    expect(requests[0]!.jobToken).toBe(TOKEN);
    expect(r.stderr).toMatch(/HTTP 403.*CI job token cannot write merge-request notes; set SLZ_GITLAB_TOKEN/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('refuses outside a merge-request pipeline, naming what is missing, without calling anything', async () => {
    const r = await post({ CI_API_V4_URL: api });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CI_PROJECT_ID, CI_MERGE_REQUEST_IID, SLZ_GITLAB_TOKEN .* not set/);
    expect(requests).toEqual([]);
  });

  it('refuses to send a token over plain http to anything but this machine', async () => {
    const r = await post({ ...mrEnv(), CI_API_V4_URL: 'http://gitlab.example.invalid/api/v4' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be https/);
    expect(r.stderr).not.toContain(TOKEN);
  });
});
