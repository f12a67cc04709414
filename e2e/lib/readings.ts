import type { Page, WebWorker } from 'puppeteer-core';
import { expect } from 'vitest';

/** What a badge says of its invoice (the overlay DOM contract's attributes). */
export type Expected = {
  number: string;
  client: string;
  amountDue: number;
  currency: string;
  days: number;
  stage: string;
};

export const row = (
  number: string,
  client: string,
  amountDue: number,
  currency: string,
  days: number,
  stage: string,
): Expected => ({ number, client, amountDue, currency, days, stage });

/** Every badge of the page, in page order, as its contract attributes say. */
export function badgeReadings(page: Page) {
  return page.$$eval('relance-badge', (elements) =>
    elements.map((badge) => ({
      number: badge.getAttribute('data-invoice-number'),
      client: badge.getAttribute('data-client'),
      amountDue: Number(badge.getAttribute('data-amount-due')),
      currency: badge.getAttribute('data-currency'),
      days: Number(badge.getAttribute('data-days-overdue')),
      stage: badge.getAttribute('data-stage'),
    })),
  );
}

/** Waits for every expected invoice's badge, then checks the page shows exactly these. */
export async function expectBadges(page: Page, expected: Expected[]) {
  await page.waitForFunction(
    (numbers: string[]) => {
      const shown = [...document.querySelectorAll('relance-badge[data-stage]')].map((b) =>
        b.getAttribute('data-invoice-number'),
      );
      return numbers.every((n) => shown.includes(n));
    },
    { timeout: 20_000 },
    expected.map((e) => e.number),
  );
  // A little later again: a duplicate or a late wrong badge would show by then.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await badgeReadings(page)).toEqual(expected);
}

/** The invoices and clients the background stored (read from its IndexedDB). */
export type StoredRecords = {
  invoices: { number: string; host: string; deleted: boolean }[];
  clients: { name: string; deleted: boolean }[];
};
export async function storedRecords(worker: WebWorker): Promise<StoredRecords> {
  return (await worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('relance');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['invoices', 'clients'], 'readonly');
          const invoices = tx.objectStore('invoices').getAll();
          const clients = tx.objectStore('clients').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ invoices: invoices.result, clients: clients.result });
          };
        };
      }),
  )) as StoredRecords;
}
