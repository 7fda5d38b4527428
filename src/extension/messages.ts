/**
 * The client's side of the shared messages (`src/shared/protocol.ts`): each object becomes this library's own
 * RequestType or NotificationType here, so a call's parameter and result types are the object's.
 */
import { NotificationType, RequestType, type CancellationToken, type Disposable, type LanguageClient, type NotificationHandler, type RequestParam } from 'vscode-languageclient/node';
import type { ClientRequest, ServerNotification } from '../shared/protocol';

/** Sends `request` to the server and resolves with its result. */
export function sendRequest<P, R>(client: LanguageClient, request: ClientRequest<P, R>, params: RequestParam<P>, token?: CancellationToken): Promise<R> {
  return client.sendRequest(new RequestType<P, R, void>(request.method), params, token);
}

/** Calls `handler` with each `notification` the server sends. */
export function onNotification<P>(client: LanguageClient, notification: ServerNotification<P>, handler: NotificationHandler<P>): Disposable {
  return client.onNotification(new NotificationType<P>(notification.method), handler);
}
