/**
 * Where a LabApi call arrives in main: its arguments are validated once, by the method table
 * (src/shared/lab-methods.ts), and only then handed to the service. Every adapter goes through
 * here: the ipcMain handlers, the web bridge's server, and in-process callers (the CLI) through
 * checkedLab.
 */
import { ZodOptional, type z } from 'zod';
import type { LabApi, LabEvent } from '../../shared/api';
import {
  LAB_METHOD_TABLE,
  labCalls,
  type DesktopHandlers,
  type LabHandlers,
  type LabMethod,
} from '../../shared/lab-methods';

type ParsedArgs<M extends LabMethod> = z.output<(typeof LAB_METHOD_TABLE)[M]['args']>;

/** `args` checked against `method`'s argument schemas; throws naming the argument that is wrong. */
export function parseArguments<M extends LabMethod>(method: M, args: readonly unknown[]): ParsedArgs<M> {
  const schema = LAB_METHOD_TABLE[method].args;
  // JSON (the web bridge) carries a left-out argument as null: it arrives as left out.
  const parsed = schema.safeParse(args.map((arg) => (arg === null ? undefined : arg)));
  if (parsed.success) return parsed.data as ParsedArgs<M>;
  const [first] = parsed.error.issues;
  const index = typeof first.path[0] === 'number' ? first.path[0] : -1;
  const item = index >= 0 ? (schema.def.items[index] as z.ZodType | undefined) : undefined;
  const argument = nameOf(item) ?? `arguments of ${method}`;
  const detail = parsed.error.issues
    .filter((issue) => issue.path[0] === first.path[0])
    .map((issue) => {
      const inner = issue.path.slice(index >= 0 ? 1 : 0);
      return inner.length ? `${inner.join('.')}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new Error(`Invalid ${argument}: ${detail}`);
}

/** An argument schema's name (its description; an optional one's is its inner schema's). */
function nameOf(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema.description) return schema.description;
  return schema instanceof ZodOptional ? nameOf(schema.unwrap() as z.ZodType) : undefined;
}

/**
 * Calls `method` with validated arguments: on `desktop` when the table marks it a desktop method
 * and the desktop app's versions are given, else on `handlers`.
 */
export async function dispatchLab(
  handlers: LabHandlers,
  method: LabMethod,
  args: readonly unknown[],
  desktop?: DesktopHandlers,
): Promise<unknown> {
  const parsed = parseArguments(method, args);
  const owner: Partial<LabHandlers> = desktop && LAB_METHOD_TABLE[method].desktop ? desktop : handlers;
  const handler = owner[method] as (...a: readonly unknown[]) => Promise<unknown>;
  return handler.apply(owner, parsed);
}

/** The Lab's own event stream, beside its handlers. */
export type LabBackend = LabHandlers & { onEvent(listener: (event: LabEvent) => void): () => void };

/** The LabApi over `backend` in-process (the CLI, tests): every call validated as the adapters do. */
export function checkedLab(backend: LabBackend): LabApi {
  return {
    ...labCalls((method, args) => dispatchLab(backend, method, args)),
    onEvent: (listener) => backend.onEvent(listener),
  };
}
