/** The answer to a POST: fresh, or replayed from the stored record. */
export interface IdempotentAnswer<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}
