// Test data the API tests build requests from.
import { sql } from './db.mjs';

// The demo's as_of, and the test server's --today.
export const AS_OF = '2026-06-15';

// A POST /api/v1/contracts body: the rep's contract with the first customer of their own book
// (the one every caller scope may name), signed on AS_OF. By default two lines (3 000 000 +
// 1 500 000) paid in two instalments; with { amount } one line of that amount, paid at once.
// over replaces fields of the body.
export function contractBody(rep, over = {}, { amount } = {}) {
  const [customer] = sql(`SELECT id FROM customers WHERE owner_rep = ${rep} ORDER BY id LIMIT 1`);
  const products = sql('SELECT id FROM products ORDER BY id LIMIT 2');
  const lines = amount === undefined
    ? [{ product: products[0].id, qty: 2, amount: 3000000, cost: 1800000 }, { product: products[1].id, qty: 1, amount: 1500000, cost: 500000 }]
    : [{ product: products[0].id, qty: 1, amount, cost: amount / 2 }];
  const plan = amount === undefined
    ? [{ due_date: '2026-07-15', amount: 2500000 }, { due_date: '2026-08-15', amount: 2000000 }]
    : [{ due_date: '2026-07-15', amount }];
  return {
    code: `API-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, customer: customer.id, rep, signed_date: AS_OF,
    lines, plan, ...over,
  };
}
