/**
 * The server's side of the shared messages (`src/shared/protocol.ts`): each object becomes this library's own
 * RequestType or NotificationType here, so a handler's parameter and result types are the object's.
 */
import { NotificationType, RequestType, type CancellationToken, type Connection, type Disposable, type RequestHandler, type RequestParam } from 'vscode-languageserver/node';
import type { ClientRequest, ServerNotification } from '../shared/protocol';

/**
 * Answers `request` with `handler`. The handler is typed as plainly as it is written (a result or a promise of one),
 * so a literal in its result keeps its type; the library's RequestHandler is that and more.
 */
export function onRequest<P, R>(connection: Connection, request: ClientRequest<P, R>, handler: (params: P, token: CancellationToken) => R | Promise<R>): Disposable {
  return connection.onRequest(new RequestType<P, R, void>(request.method), handler as RequestHandler<P, R, void>);
}

/** Sends `notification` to the client. */
export function sendNotification<P>(connection: Connection, notification: ServerNotification<P>, params: RequestParam<P>): Promise<void> {
  return connection.sendNotification(new NotificationType<P>(notification.method), params);
}
