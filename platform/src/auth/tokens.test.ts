import { generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { API_AUDIENCE } from './token-issuer.ts';

/** Tampered and foreign tokens must all be 401 on a protected route. */
describe('access token verification', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([fixtureModule()]);
  });
  afterAll(async () => runtime.close());

  const call = (token: string | undefined) =>
    runtime.request('POST', '/api/fixture/v1/notes', { text: 'x' }, token === undefined ? {} : { authorization: `Bearer ${token}` }, null);

  async function signed(options: { issuer?: string; audience?: string; expiresIn?: string; key?: CryptoKey; kid?: string; alg?: string }) {
    const current = await runtime.keys.signingKey();
    return new SignJWT({ pegase_roles: ['staff'] })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? current.kid })
      .setIssuer(options.issuer ?? runtime.issuer)
      .setAudience(options.audience ?? API_AUDIENCE)
      .setSubject('someone')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(options.expiresIn ?? '2h')
      .sign(options.key ?? current.key);
  }

  it('accepts a valid token of the embedded provider', async () => {
    expect((await call(await signed({}))).statusCode).toBe(201);
  });

  it('refuses a token it accepted once when it has expired since', async () => {
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({ pegase_roles: ['staff'] })
      .setProtectedHeader({ alg: 'RS256', kid: (await runtime.keys.signingKey()).kid })
      .setIssuer(runtime.issuer)
      .setAudience(API_AUDIENCE)
      .setSubject('someone')
      .setIssuedAt(now - 60)
      .setExpirationTime(now + 5)
      .sign((await runtime.keys.signingKey()).key);
    expect((await call(shortLived)).statusCode).toBe(201);
    expect((await call(shortLived)).statusCode).toBe(201);
    vi.useFakeTimers({ toFake: ['Date'], now: (now + 60) * 1000 }); // beyond the expiry and its 30 s of tolerance
    try {
      const response = await call(shortLived);
      expect(response.statusCode).toBe(401);
      expect(response.json().detail).toMatch(/has expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for a token when there is none, naming the scheme', async () => {
    const response = await call(undefined);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="pegase"');
    expect(response.json().type).toBe('urn:pegase:problem:unauthenticated');
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ pegase_roles: ['staff'] })
      .setProtectedHeader({ alg: 'RS256', kid: (await runtime.keys.signingKey()).kid })
      .setIssuer(runtime.issuer)
      .setAudience(API_AUDIENCE)
      .setSubject('someone')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 120) // beyond the 30 s tolerance
      .sign((await runtime.keys.signingKey()).key);
    const response = await call(expired);
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toMatch(/has expired/);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('refuses a token of another issuer and says which issuer is accepted', async () => {
    const response = await call(await signed({ issuer: 'https://evil.example/auth' }));
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toContain(`accepts tokens of ${runtime.issuer} only`);
  });

  it('refuses a token meant for another audience', async () => {
    const response = await call(await signed({ audience: 'another-api' }));
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toContain('not meant for pegase-api');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ pegase_roles: ['admin'] })
      .setIssuer(runtime.issuer)
      .setAudience(API_AUDIENCE)
      .setSubject('x')
      .setExpirationTime('1h')
      .encode();
    expect((await call(unsigned)).statusCode).toBe(401);
  });

  it('refuses a token signed by another key, even with the kid of ours', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect((await call(await signed({ key: privateKey }))).statusCode).toBe(401);
    expect((await call(await signed({ key: privateKey, kid: 'unknown-kid' }))).json().detail).toContain('unknown key');
  });

  it('refuses a symmetric (HS256) token, whatever its secret', async () => {
    const secret = new TextEncoder().encode('a shared secret that nobody should use');
    const token = await new SignJWT({ pegase_roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: (await runtime.keys.signingKey()).kid })
      .setIssuer(runtime.issuer)
      .setAudience(API_AUDIENCE)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(secret);
    expect((await call(token)).statusCode).toBe(401);
  });

  it('refuses a tampered payload and a malformed header', async () => {
    const [header, payload, signature] = (await signed({})).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), pegase_roles: ['admin'] })).toString('base64url');
    expect((await call(`${header}.${forged}.${signature}`)).statusCode).toBe(401);
    expect((await runtime.request('POST', '/api/fixture/v1/notes', { text: 'x' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }, null)).statusCode).toBe(401);
  });

  it('keeps accepting tokens signed before a key rotation, and signs new ones with the new key', async () => {
    const before = await signed({});
    const newKid = await runtime.keys.rotate();
    expect((await call(before)).statusCode).toBe(201);
    const after = await signed({});
    expect(JSON.parse(Buffer.from(after.split('.')[0]!, 'base64url').toString()).kid).toBe(newKid);
    expect((await call(after)).statusCode).toBe(201);
  });
});
