/** What reading a crypto-bearing attribute gives: a value (with notes worth recording), or why it cannot be classified. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly notes: string[] }
  | { readonly ok: false; readonly kind: 'unresolved' | 'unknown'; readonly attribute: string; readonly reason: string };
