/**
 * Errors are data through the real web bridge: a real LabService behind the real server, reached
 * by the browser client over a real WebSocket. Rejections arrive as LabErrors with their code and
 * params, and every code of the catalogue has its text, with the same placeholders, in en, ja, ko.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LabService } from '../../src/main/lab/service';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';
import { createWebLabClient, type SocketLike, type WebLabClient } from '../../src/renderer/bridge/web-client';
import { DICTIONARIES } from '../../src/shared/i18n';
import { LabError, MESSAGE_TEMPLATES, type MessageKey } from '../../src/shared/messages';
import { makeRendererDir } from './helpers';

let lab: LabService;
let bridge: WebBridge;
let client: WebLabClient;

beforeAll(async () => {
  lab = new LabService();
  bridge = await startWebBridge(lab, { port: 0, rendererDir: makeRendererDir().rendererDir });
  client = createWebLabClient(
    `ws://127.0.0.1:${bridge.port}/lab?token=${bridge.token}`,
    (url) => new WebSocket(url) as unknown as SocketLike,
  );
});
afterAll(async () => {
  client.close();
  await bridge.close();
  await lab.close();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof LabError ? error.code : `not a LabError: ${String(error)}`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('errors through the web bridge', () => {
  it('arrive as LabErrors carrying their code', async () => {
    expect(await codeOf(client.getWeights('no-such-run'))).toBe('noRun');
    expect(await codeOf(client.pauseRun('../etc'))).toBe('invalidArgument');
    expect(await codeOf(client.deleteDrawing('drawing-999-x'))).toBe('noDrawing');
    expect(await codeOf(client.importWeights('weights-999', { activation: 'relu' }))).toBe('noLongerOpen');
    const notZip = client.openWeights('w.npz', new Uint8Array([1, 2, 3, 4]));
    const error = await notZip.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('cannotImport');
    expect(((error as LabError).params as { detail: { code: MessageKey } }).detail.code).toBe('notZip');
  });

  it.each(Object.keys(MESSAGE_TEMPLATES) as MessageKey[])('%s has its text in en, ja and ko', (code) => {
    for (const language of ['en', 'ja', 'ko'] as const) {
      const text = (DICTIONARIES[language].msg as Record<string, string>)[code];
      expect(text, `${language} msg.${code}`).toBeTruthy();
      expect(placeholders(text)).toEqual(placeholders(MESSAGE_TEMPLATES[code]));
    }
  });
});
