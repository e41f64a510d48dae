// Low-stock notices: once each time a country and SKU's available numbers fall below the threshold
// in settings. low_stock_pairs (migration 008) holds the pairs below it now; a pair that rises back
// to the threshold leaves it, so its next fall is told again, and a pair staying low is told once.
// Checked after every change to the inventory (the counts it reads are kept by triggers: a few
// hundred rows), in one transaction with the notices and emails it records.
import type { LowStock } from '../../../shared/dashboard';
import type { AppSettings } from '../../../shared/settings';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { lowStockPairs } from '../dashboard/summary';
import { queueEmails } from './record';

export const pairKey = (p: { country: string; sku: string }) => `${p.country}|${p.sku}`;

export function composeLowStockEmail(pair: LowStock, threshold: number, operatorName: string): { subject: string; body: string } {
  return {
    subject: `Low stock: ${pair.country} ${pair.sku} has ${pair.available} available number${pair.available === 1 ? '' : 's'}`,
    body: [
      'Hello support,',
      '',
      `Available numbers of SKU ${pair.sku} in ${pair.country} fell below the low-stock threshold of ${threshold}: ${pair.available} left.`,
      '',
      'Action to take: order or import more numbers of this SKU, or release numbers held that are no longer needed.',
      '',
      `-- \n${operatorName ? `${operatorName}, ` : ''}Number Inventory`,
      '',
    ].join('\n'),
  };
}

/** Records a notice for each pair newly below the threshold; returns how many were recorded. */
export function noteLowStock(db: Db, now: string, settings: AppSettings): number {
  return db
    .transaction(() => {
      const below = lowStockPairs(db, settings.lowStockThreshold);
      const known = new Map(
        (prepared(db, 'SELECT country, sku FROM low_stock_pairs').all() as { country: string; sku: string }[]).map((p) => [pairKey(p), p]),
      );
      const still = new Set(below.map(pairKey));
      const forget = prepared(db, 'DELETE FROM low_stock_pairs WHERE country = ? AND sku = ?');
      for (const [key, pair] of known) if (!still.has(key)) forget.run(pair.country, pair.sku);
      let recorded = 0;
      for (const pair of below) {
        if (known.has(pairKey(pair))) continue;
        const inserted = prepared(
          db,
          `INSERT INTO notifications (number, kind, deadline, state, created_at, country, sku, available)
           VALUES (NULL, 'low-stock', NULL, 'available', ?, ?, ?, ?)`,
        ).run(now, pair.country, pair.sku, pair.available);
        const notificationId = Number(inserted.lastInsertRowid);
        prepared(db, 'INSERT INTO low_stock_pairs (country, sku, notification_id) VALUES (?, ?, ?)').run(
          pair.country,
          pair.sku,
          notificationId,
        );
        const email = composeLowStockEmail(pair, settings.lowStockThreshold, settings.operatorName);
        queueEmails(db, { notificationId, kind: 'low-stock', orgUuid: null, ...email }, now, settings);
        recorded++;
      }
      return recorded;
    })
    .immediate();
}
