/**
 * The messages of the web bridge (each one a codec frame) and the checks both ends apply.
 * No Node or DOM imports: the browser client uses this file too.
 */
import type { LabEvent } from './api';
import { isLabMethod, type LabMethod } from './lab-methods';

/** The WebSocket path of the LabApi. */
export const LAB_SOCKET_PATH = '/lab';
/** Close code the server uses when the token is missing or wrong (not worth reconnecting). */
export const CLOSE_BAD_TOKEN = 4401;

/** Client -> server: call one LabApi method. */
export interface RequestMessage {
  id: number;
  method: LabMethod;
  args: unknown[];
}

/** Server -> client: the answer to request `id`. */
export type ResponseMessage = { id: number; result: unknown } | { id: number; error: string };

/** Server -> every client: an event of the Lab service. */
export interface EventMessage {
  event: LabEvent;
}

export type ServerMessage = ResponseMessage | EventMessage;

/** Checks a decoded client frame; throws a readable message when it is not a valid request. */
export function parseRequest(value: unknown): RequestMessage {
  if (value === null || typeof value !== 'object') throw new Error('A request must be an object');
  const { id, method, args } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(id)) throw new Error('A request needs an integer id');
  if (!isLabMethod(method)) throw new Error(`Unknown method: ${String(method)}`);
  if (!Array.isArray(args)) throw new Error('A request needs an args array');
  return { id: id as number, method, args };
}

/** Turns anything thrown into the one-line message a client shows. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Unknown error';
}
