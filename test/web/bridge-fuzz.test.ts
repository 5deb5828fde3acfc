/**
 * A bounded fuzz of the web bridge (issue 16): a few thousand random and mutated HTTP requests,
 * upgrades and WebSocket frames from 127.0.0.1, with and without the token, against the real
 * bridge in its own process. Afterwards the process is still serving: the page loads, a client
 * connected before the fuzz still receives events, and a new client can call the Lab.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Rng } from '../../src/nn/rng';
import { decodeMessage, encodeMessage } from '../../src/shared/codec';
import { rawGet } from './helpers';

/** A seeded stream (the engine's Rng), so a failing case can be replayed. */
function seeded(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const random = seeded(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

let child: ChildProcess;
let port = 0;
let token = '';
let exited: string | null = null;
let stderr = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/web/fuzz-target.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.on('exit', (code, signal) => (exited = `exit code ${code}, signal ${signal}`));
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`the bridge did not start: ${stderr}`)));
  });
  ({ port, token } = JSON.parse(firstLine) as { port: number; token: string });
}, 60_000);

afterAll(async () => {
  if (exited === null) {
    const done = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await done;
  }
});

/** The HTTP/1.1 upgrade request of a WebSocket, with or without the token. */
function upgradeRequest(withToken: boolean): string {
  const query = withToken ? `?token=${token}` : '';
  return (
    `GET /lab${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
  );
}

/** A client WebSocket frame: opcode, masked or not, with a declared length that may lie. */
function frame(opcode: number, payload: Buffer, declared = payload.length, masked = true): Buffer {
  const head: number[] = [0x80 | (opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  let length: Buffer;
  if (declared < 126) length = Buffer.from([maskBit | declared]);
  else if (declared < 65536) length = Buffer.from([maskBit | 126, declared >> 8, declared & 0xff]);
  else {
    length = Buffer.alloc(9);
    length[0] = maskBit | 127;
    length.writeBigUInt64BE(BigInt(declared), 1);
  }
  const mask = masked ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload);
  if (masked) for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4];
  return Buffer.concat([Buffer.from(head), length, mask, body]);
}

/** Mutates a buffer: flipped, inserted and deleted bytes. */
function mutate(bytes: Buffer): Buffer {
  const out = [...bytes];
  for (let n = 1 + int(4); n > 0; n--) {
    const at = int(out.length + 1);
    const op = int(3);
    if (op === 0 && out.length) out[at % out.length] ^= 1 << int(8);
    else if (op === 1) out.splice(at, 0, int(256));
    else out.splice(at, 1);
  }
  return Buffer.from(out);
}

/** One attack: a list of byte chunks to write, and how the connection ends. */
interface Attack {
  chunks: Buffer[];
  end: 'close' | 'reset' | 'hang';
}

function attack(): Attack {
  const withToken = random() < 0.5;
  const validGet = Buffer.from(
    `GET /${withToken ? `?token=${token}` : ''} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
  );
  const upgrade = Buffer.from(upgradeRequest(withToken));
  const end = pick(['close', 'reset', 'hang'] as const);
  switch (int(9)) {
    case 0:
      return { chunks: [randomBytes(1 + int(512))], end };
    case 1:
      return { chunks: [mutate(validGet)], end };
    case 2: {
      // Request targets that do not parse as URLs.
      const target = pick(['http://[', '//%', 'http://a:b', '\\\\x', 'http://[::1', '//:99999', '/%zz']);
      return { chunks: [Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)], end };
    }
    case 3: {
      const target = pick(['http://[', '//%', 'http://a:b', 'http://[::1']);
      return {
        chunks: [
          Buffer.from(upgradeRequest(withToken).replace(`/lab${withToken ? `?token=${token}` : ''}`, target)),
        ],
        end,
      };
    }
    case 4:
      // An upgrade followed by an abrupt reset.
      return { chunks: [upgrade], end: 'reset' };
    case 5:
      // A frame header declaring a payload far over any limit.
      return { chunks: [upgrade, frame(2, randomBytes(16), 2 ** 40 + int(1000))], end };
    case 6: {
      // Malformed frames: reserved opcodes, unmasked client frames, bad RSV bits, garbage.
      const bad = [
        frame(3 + int(5), randomBytes(int(40))),
        frame(2, randomBytes(int(40)), undefined, false),
        Buffer.concat([Buffer.from([0xf2, 0x85]), randomBytes(9)]),
        mutate(frame(2, Buffer.from(encodeMessage({ id: 1, method: 'listRuns', args: [] })))),
        frame(1, Buffer.from('{"id":1,"method":"listRuns","args":[]}')),
        frame(2, randomBytes(int(200))),
        frame(8, randomBytes(int(3))),
      ];
      return { chunks: [upgrade, pick(bad)], end };
    }
    case 7: {
      // Half-sent headers.
      const text = upgrade.subarray(0, int(upgrade.length));
      return { chunks: [text], end: pick(['close', 'reset'] as const) };
    }
    default:
      return { chunks: [mutate(upgrade)], end };
  }
}

/** Sends one attack over a fresh TCP connection; resolves when the connection is gone. */
function send(a: Attack): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(finish, a.end === 'hang' ? 300 : 1000);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('data', () => {});
    socket.on('connect', () => {
      for (const chunk of a.chunks) socket.write(chunk);
      if (a.end === 'reset') setTimeout(() => socket.resetAndDestroy(), int(20));
      else if (a.end === 'close') socket.end();
    });
  });
}

/** A client of the bridge over `ws`, speaking its binary codec. */
async function client(): Promise<{
  call: (method: string, args: unknown[]) => Promise<unknown>;
  events: unknown[];
  close: () => void;
}> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/lab?token=${token}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const events: unknown[] = [];
  const waiting = new Map<number, (v: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const message = decodeMessage(new Uint8Array(data)) as { id?: number; event?: unknown };
    if (message.event) events.push(message.event);
    else if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  let nextId = 1;
  return {
    events,
    call: (method, args) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(encodeMessage({ id, method, args }), { binary: true });
      }),
    close: () => ws.close(),
  };
}

describe('web bridge under fuzz (seeded; FUZZ_SEED replays a run)', () => {
  it('keeps serving after thousands of random and hostile requests and frames, and a burst', async () => {
    const before = await client();
    const ATTACKS = 3000;
    const PARALLEL = 24;
    let sent = 0;
    const attacks = Array.from({ length: ATTACKS }, attack);
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (sent < ATTACKS && exited === null) await send(attacks[sent++]);
      }),
    );
    // A burst: many connections opened at once and left half-open.
    await Promise.all(
      Array.from({ length: 400 }, () => send({ chunks: [Buffer.from('GET / HTTP/1.1\r\n')], end: 'hang' })),
    );
    expect(exited, `the bridge stopped (seed ${SEED}): ${stderr}`).toBeNull();

    const page = await rawGet(port, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>MNIST Lab</title>');

    // The client from before the fuzz still hears events, and a new one can call the Lab.
    const after = await client();
    const started = (await after.call('startRun', [{ hidden: [8], iterations: 5, evalEvery: 5 }])) as {
      result?: { id: string };
    };
    expect(started.result?.id).toMatch(/^run-/);
    await expect.poll(() => before.events.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(exited).toBeNull();
    before.close();
    after.close();
  }, 120_000);
});
