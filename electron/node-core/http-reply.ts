/**
 * Writes a whole HTTP answer, never cached: the kiosk's loopback API and the collector both answer
 * this way (the body's length known up front, so no chunked encoding).
 */
import type { ServerResponse } from 'node:http';

export function sendText(response: ServerResponse, status: number, text: string, type: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  response.end(text);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(response, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}
