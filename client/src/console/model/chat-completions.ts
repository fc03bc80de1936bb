/**
 * A streaming client of the OpenAI-compatible chat-completions protocol (OpenAI, Azure's
 * compatible endpoints, Ollama, llama.cpp's server, vLLM, LM Studio…), on Node's fetch and
 * without VS Code, so it runs in tests against a local server. Everything the endpoint sends is
 * outside input: the reply is handed on only as text, never parsed for anything but the
 * protocol's JSON, and every way the exchange can go wrong ends in a ModelError whose message a
 * user can read: the endpoint did not answer in time, went quiet mid-reply, answered with an HTTP
 * error, sent something that is not the protocol, closed the connection, or talked for too long.
 */
import { EventStreamError, EventStreamReader, excerpt } from './event-stream';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ModelErrorKind = 'config' | 'timeout' | 'http' | 'protocol' | 'network' | 'tooLong';

/** Why the model's text stopped, in a sentence for the user. */
export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    /** The HTTP status, for `http` errors. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ChatCompletionsRequest {
  /** The chat-completions URL, as chatCompletionsUrl gives it. */
  url: URL;
  model: string;
  apiKey?: string;
  messages: readonly ChatMessage[];
  /** Stops the request; the iteration then ends without an error. */
  signal?: AbortSignal;
  limits?: Partial<ChatLimits>;
}

export interface ChatLimits {
  /** Until the endpoint's response headers arrive. */
  connectTimeoutMs: number;
  /** Between two pieces of the reply. */
  idleTimeoutMs: number;
  /** For the whole reply. */
  totalTimeoutMs: number;
  /** The reply is stopped past this many characters of text. */
  maxReplyChars: number;
}

export const DEFAULT_LIMITS: Readonly<ChatLimits> = {
  connectTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 180_000,
  maxReplyChars: 20_000,
};

/** How much of an error response's body is read for its message. */
const ERROR_BODY_LIMIT = 4096;

/** A duration as messages state it: `0.2 s`, `30 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The URL requests go to, from the `hotpath.console.endpoint` setting: the API's base
 * (`https://api.openai.com/v1`, `http://localhost:11434/v1`) or its full chat-completions URL.
 * Only http and https, no user name or password in it, and plain http only to this machine, where
 * nothing (the API key, the code) crosses a network unencrypted.
 */
export function chatCompletionsUrl(setting: string): URL {
  let url: URL;
  try {
    url = new URL(setting.trim());
  } catch {
    throw new ModelError('config', `The endpoint ${excerpt(setting)} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ModelError('config', `The endpoint must be an http or https URL, not ${url.protocol}.`);
  if (url.username || url.password) throw new ModelError('config', 'The endpoint URL must not hold a user name or password; set the API key with "Hotpath: Set Language Model API Key…".');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new ModelError('config', `The endpoint uses plain http to ${url.hostname}: use https, or http only to this machine (localhost).`);
  }
  if (!/\/chat\/completions\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  url.hash = '';
  return url;
}

/** What users read for the errors Node's fetch reports by code. */
const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing is listening there',
  ECONNRESET: 'the other side closed the connection',
  UND_ERR_SOCKET: 'the other side closed the connection',
  EPIPE: 'the other side closed the connection',
  ENOTFOUND: 'the host name is unknown',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the network did not answer',
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  CERT_HAS_EXPIRED: "the endpoint's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the endpoint's TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the endpoint's TLS certificate is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the endpoint's TLS certificate is not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "the endpoint's TLS certificate is for another host",
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'the reply was shorter than announced',
};

/** Why a request failed on the network, in words, with the code for anyone who searches it. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code && NETWORK_REASONS[code]) return `${NETWORK_REASONS[code]} (${code})`;
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code ? `${excerpt(message)} (${code})` : excerpt(message);
}

/** The message of an HTTP error response: the API's `error.message` when it sends one, else the body's start. */
function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string' && message.trim()) return excerpt(message);
  } catch {
    // Not JSON: the body's start says what it is.
  }
  return body.trim() ? excerpt(body) : '(no message)';
}

/** Reads at most `limit` characters of a body, then stops reading. */
async function readSome(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text.slice(0, limit);
}

interface ChunkChoice {
  delta?: { content?: unknown };
  message?: { content?: unknown };
  finish_reason?: unknown;
}

/** The text of one streamed chunk (or of a whole reply), checked: only strings are taken. */
function chunkText(payload: string): { text: string; finished: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new ModelError('protocol', `The endpoint sent a piece of its reply that is not JSON: ${excerpt(payload)}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ModelError('protocol', `The endpoint sent a piece of its reply that is not a chat-completions chunk: ${excerpt(payload)}.`);
  }
  const { error, choices } = parsed as { error?: unknown; choices?: unknown };
  if (error !== undefined && error !== null) throw new ModelError('http', `The endpoint reported an error: ${errorDetail(payload)}.`);
  if (!Array.isArray(choices)) throw new ModelError('protocol', `The endpoint sent a chunk without choices: ${excerpt(payload)}.`);
  // Only the first choice is asked for; a chunk with none carries usage figures.
  const choice = choices[0] as ChunkChoice | undefined;
  if (choice === undefined) return { text: '', finished: false };
  if (typeof choice !== 'object' || choice === null) throw new ModelError('protocol', `The endpoint sent a malformed choice: ${excerpt(payload)}.`);
  const content = choice.delta?.content ?? choice.message?.content;
  if (content !== undefined && content !== null && typeof content !== 'string') {
    throw new ModelError('protocol', `The endpoint sent content that is not text: ${excerpt(payload)}.`);
  }
  return { text: content ?? '', finished: typeof choice.finish_reason === 'string' };
}

/**
 * The model's reply, piece by piece as the endpoint streams it. Throws a ModelError when the
 * exchange fails; ends quietly when `signal` is aborted.
 */
export async function* streamChatCompletion(request: ChatCompletionsRequest): AsyncGenerator<string, void, undefined> {
  const limits = { ...DEFAULT_LIMITS, ...request.limits };
  const controller = new AbortController();
  /** Why this client stopped the request, when it did. */
  let stopped: ModelError | undefined;
  const stop = (error: ModelError) => {
    stopped ??= error;
    controller.abort();
  };
  const cancelled = () => request.signal?.aborted === true;
  const onCancel = () => controller.abort();
  request.signal?.addEventListener('abort', onCancel);
  if (cancelled()) return;

  let idle: NodeJS.Timeout | undefined;
  const quietFor = (ms: number, error: () => ModelError) => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(error()), ms);
  };
  const total = setTimeout(() => stop(new ModelError('timeout', `The endpoint did not finish its reply within ${seconds(limits.totalTimeoutMs)}.`)), limits.totalTimeoutMs);
  const host = request.url.host;
  /** The error to throw for a failure of fetch or of reading the body. */
  const failure = (error: unknown, during: string): ModelError | undefined => {
    if (cancelled()) return undefined;
    if (stopped) return stopped;
    if (error instanceof ModelError) return error;
    if (error instanceof EventStreamError) return new ModelError('protocol', `The endpoint's reply could not be read: ${error.message}.`);
    return new ModelError('network', `The connection to ${host} failed ${during}: ${networkReason(error)}.`);
  };

  try {
    quietFor(limits.connectTimeoutMs, () => new ModelError('timeout', `The endpoint ${host} did not answer within ${seconds(limits.connectTimeoutMs)}.`));
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: request.model, messages: request.messages, stream: true }),
        signal: controller.signal,
        redirect: 'error',
      });
    } catch (error) {
      const problem = failure(error, 'before it answered');
      if (problem) throw problem;
      return;
    }
    if (!response.ok) {
      const body = await readSome(response.body, ERROR_BODY_LIMIT).catch(() => '');
      throw new ModelError('http', `The endpoint answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${errorDetail(body)}.`, response.status);
    }
    const whole = /^application\/json\b/i.test(response.headers.get('content-type') ?? '');
    const events = new EventStreamReader();
    const decoder = new TextDecoder();
    const reader = response.body?.getReader();
    let length = 0;
    let finished = false;
    let done = false;
    let json = '';
    /** The text of one payload, cut at the reply's limit; true once the reply is complete. */
    function* take(payload: string): Generator<string, boolean> {
      if (payload.trim() === '[DONE]') return true;
      const chunk = chunkText(payload);
      finished ||= chunk.finished;
      if (chunk.text) {
        const room = limits.maxReplyChars - length;
        if (chunk.text.length > room) {
          if (room > 0) yield chunk.text.slice(0, room);
          throw new ModelError('tooLong', `The reply passed ${limits.maxReplyChars.toLocaleString('en-US')} characters and was stopped there.`);
        }
        length += chunk.text.length;
        yield chunk.text;
      }
      return false;
    }
    while (reader && !done) {
      quietFor(limits.idleTimeoutMs, () => new ModelError('timeout', `The endpoint sent nothing for ${seconds(limits.idleTimeoutMs)} in the middle of its reply.`));
      let read: Awaited<ReturnType<typeof reader.read>>;
      try {
        read = await reader.read();
        // The consumer's time with a piece does not count as the endpoint's silence.
        clearTimeout(idle);
      } catch (error) {
        const problem = failure(error, 'in the middle of the reply');
        if (problem) throw problem;
        return;
      }
      const text = read.done ? decoder.decode() : decoder.decode(read.value, { stream: true });
      if (whole) {
        // The endpoint ignored `stream: true` and sends the whole reply as one JSON document.
        json += text;
        if (json.length > limits.maxReplyChars * 4 + ERROR_BODY_LIMIT) throw new ModelError('tooLong', `The reply passed ${limits.maxReplyChars.toLocaleString('en-US')} characters and was stopped there.`);
        if (read.done) {
          finished = true;
          yield* take(json);
        }
      } else {
        const payloads = read.done ? events.end() : events.push(text);
        for (const payload of payloads) {
          if (yield* take(payload)) {
            finished = true;
            done = true;
            break;
          }
        }
      }
      if (read.done) done = true;
    }
    if (!finished && !cancelled()) throw new ModelError('network', `The endpoint ${host} ended the connection before its reply was complete.`);
    void reader?.cancel().catch(() => undefined);
  } catch (error) {
    const problem = failure(error, 'while reading the reply');
    if (problem) throw problem;
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    request.signal?.removeEventListener('abort', onCancel);
    // Stops the request when the consumer left early or something failed; a no-op once it ended.
    controller.abort();
  }
}
