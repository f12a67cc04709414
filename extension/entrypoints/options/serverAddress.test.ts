import { describe, expect, it } from 'vitest';
import { checkServer, completeServerUrl } from './serverAddress';

describe('the server address', () => {
  it('adds what a person leaves out', () => {
    expect(completeServerUrl('relance.atelier.fr')).toBe('https://relance.atelier.fr');
    expect(completeServerUrl(' localhost:8787/ ')).toBe('http://localhost:8787');
    expect(completeServerUrl('192.168.1.20:8787')).toBe('http://192.168.1.20:8787');
    expect(completeServerUrl('http://relance.example/')).toBe('http://relance.example');
    expect(completeServerUrl('https://relance.example/dashboard/overdue')).toBe('https://relance.example');
    expect(completeServerUrl('')).toBe('');
  });

  it('tells a Relance server from another site and from nothing at all', async () => {
    const answering = (status: number, body: string) => async () => new Response(body, { status });
    expect(await checkServer('https://r.example', answering(200, '{"ok":true,"service":"relance"}'))).toBe(
      'ok',
    );
    expect(
      await checkServer('https://r.example', answering(503, '{"ok":false,"service":"relance","error":"x"}')),
    ).toBe('ok');
    expect(await checkServer('https://r.example', answering(404, '<html>Not found</html>'))).toBe(
      'not-relance',
    );
    expect(await checkServer('https://r.example', answering(200, '{"ok":true}'))).toBe('not-relance');
    expect(
      await checkServer('https://r.example', async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe('unreachable');
  });
});
