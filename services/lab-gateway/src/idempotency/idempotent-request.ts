/** Who sent a POST, under which key, with which route and body. */
export interface IdempotentRequest {
  scope: string;
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
}
