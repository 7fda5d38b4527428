// The shared message objects: one method each, and the types they carry reach both sides. The type checks are
// `@ts-expect-error` lines that `npm run typecheck` fails on if the types stop flowing from the objects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'vscode-languageserver/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as protocol from '../../../src/shared/protocol';

// Type-only: the client's helpers import vscode at run time, which exists only inside the editor.
declare const sendRequest: typeof import('../../../src/extension/messages').sendRequest;
declare const onNotification: typeof import('../../../src/extension/messages').onNotification;
declare const onRequest: typeof import('../../../src/server/messages').onRequest;
declare const sendNotification: typeof import('../../../src/server/messages').sendNotification;

test('every message object has its own synthgap/ method and a direction', () => {
  const messages = Object.values(protocol as Record<string, unknown>).filter((value): value is { method: string; direction: string } => typeof value === 'object' && value !== null && 'method' in value);
  assert.ok(messages.length >= 8, `${messages.length} messages`);
  const methods = messages.map((message) => message.method);
  assert.equal(new Set(methods).size, methods.length, methods.join(', '));
  for (const message of messages) {
    assert.match(message.method, /^synthgap\/\w+$/);
    assert.ok(['client → server', 'server → client'].includes(message.direction), message.method);
  }
});

/** Never called: the calls below only have to type-check, or fail to where marked. */
export function typesFlowFromTheObjects(client: LanguageClient, connection: Connection): void {
  void sendRequest(client, protocol.reportRequest, { uri: 'file:///a.jsonl' }).then((result) => result.report?.schemaVersion);
  // @ts-expect-error the report request takes a uri
  void sendRequest(client, protocol.reportRequest, { path: 'a.jsonl' });
  // @ts-expect-error a request goes client → server: the client does not listen for it
  onNotification(client, protocol.reportRequest, () => undefined);
  onNotification(client, protocol.statusNotification, (status) => {
    status.state satisfies protocol.ServerState;
  });
  onRequest(connection, protocol.promptsRequest, (params) => ({ markdown: params.label ?? null }));
  // @ts-expect-error the prompts request answers with { markdown }, not a string
  onRequest(connection, protocol.promptsRequest, () => 'prompts');
  // @ts-expect-error a notification goes server → client: the server does not answer it
  onRequest(connection, protocol.statusNotification, () => undefined);
  void sendNotification(connection, protocol.statusNotification, { state: 'ready', files: [] });
  // @ts-expect-error the status needs its files
  void sendNotification(connection, protocol.statusNotification, { state: 'ready' });
}
