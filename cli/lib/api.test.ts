import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOfficerKey, signRequest, useSumo } from '../../crypto/index.ts';
import { OfficerList } from '../../schemas/api.ts';
import type { OfficerKeyEntry } from '../../schemas/keyring.ts';
import { testIo } from '../test/io.ts';
import { ApiClient, parseApiOrigin } from './api.ts';
import { ApiError } from '../../client/signedRequest.ts';
import { CliError } from './errors.ts';

useSumo();

// A real HTTP server on an ephemeral port, answering what each test sets.
let answer: (req: IncomingMessage, body: string, res: ServerResponse) => void = () => {};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => answer(req, body, res));
});
let origin: string;
let officer: OfficerKeyEntry;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  officer = await generateOfficerKey();
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('ApiClient', () => {
  it('signs the exact method, target and body (PROTOCOL §5)', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    let seen: { auth?: string; url?: string; body?: string; type?: string } = {};
    answer = (req, body, res) => {
      seen = { auth: req.headers.authorization, url: req.url, body, type: req.headers['content-type'] };
      json(res, 201, { officerId: officer.officerId, role: 'officer' });
    };
    const api = new ApiClient(testIo({}, () => now), origin, officer);
    await api.request({ method: 'POST', target: '/api/v1/officers?x=1', body: { publicKey: officer.publicKey, role: 'officer' } });
    expect(seen.url).toBe('/api/v1/officers?x=1');
    expect(seen.type).toBe('application/json');
    const nonce = /nonce="([^"]+)"/.exec(seen.auth!)![1]!;
    expect(seen.auth).toBe(await signRequest({ method: 'POST', target: '/api/v1/officers?x=1', body: seen.body, officer, ts: now.getTime() / 1000, nonce }));
  });

  it('validates answers with schemas/api.ts', async () => {
    answer = (_req, _body, res) => json(res, 200, { officers: [{ officerId: 'nope' }] });
    const api = new ApiClient(testIo(), origin, officer);
    await expect(api.request({ method: 'GET', target: '/api/v1/officers', answer: OfficerList })).rejects.toThrow(
      `unexpected answer from ${origin}/api/v1/officers (does not match the protocol)`,
    );
  });

  it('turns protocol error bodies into one line with the code', async () => {
    answer = (_req, _body, res) => json(res, 401, { error: { code: 'unauthorized', message: 'unauthorized' } });
    const api = new ApiClient(testIo(), origin, officer);
    const err = await api.request({ method: 'GET', target: '/api/v1/reports' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(err.message).toMatch(/^the API refused GET \/api\/v1\/reports: 401 unauthorized \(the signature was not accepted/);
    answer = (_req, _body, res) => {
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    };
    await expect(api.request({ method: 'GET', target: '/api/v1/reports' })).rejects.toThrow(`the API at ${origin} answered 502 without a Stop Deal error body`);
  });

  it('says when the API cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const api = new ApiClient(testIo(), `http://127.0.0.1:${port}`, officer);
    const err = await api.request({ method: 'GET', target: '/api/v1/officers' }).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`cannot reach the API at http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('takes only an http(s) origin for --api', () => {
    expect(parseApiOrigin('https://api.example.fr/')).toBe('https://api.example.fr');
    expect(() => parseApiOrigin(undefined)).toThrow('missing --api');
    expect(() => parseApiOrigin('not a url')).toThrow('--api is not a URL');
  });
});
