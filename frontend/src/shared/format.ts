/** Formatting rules of ui.md §2.4. */

const DASH = '-';

/** A creation/activity date in lists: the browser's short date. */
export function formatDate(iso: string | null | undefined, missing = DASH): string {
  if (!iso) return missing;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? missing : date.toLocaleDateString();
}

/** A timestamp in the detail: the browser's date and time. */
export function formatDateTime(iso: string | null | undefined, missing = DASH): string {
  if (!iso) return missing;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? missing : date.toLocaleString();
}

/** `<moneda> <monto>` as on the detail page (`PEN 200`). */
export function formatMontoDetalle(moneda: string | null | undefined, monto: string | null | undefined): string {
  if (monto === null || monto === undefined || monto === '') return DASH;
  const number = Number(monto);
  const text = Number.isFinite(number) ? String(number) : monto;
  return moneda ? `${moneda} ${text}` : text;
}

// 'always': Spanish locales leave four-digit numbers ungrouped by default, and the spec shows `S/ 1,200.00`
const moneyFormat = new Intl.NumberFormat('es-PE', {
  minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' as unknown as boolean,
});

/** Reports money: `S/ 1,200.00` for PEN, `USD 1,200.00` for USD (OP-16). */
export function formatMoney(value: number, moneda: string = 'PEN'): string {
  const prefix = moneda === 'USD' ? 'USD ' : 'S/ ';
  return prefix + moneyFormat.format(Number.isFinite(value) ? value : 0);
}

/** File size: over 1 MiB in MB, otherwise KB, one decimal; `-` when unknown. */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return DASH;
  const mib = 1024 * 1024;
  return bytes > mib ? `${(bytes / mib).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function orDash(value: string | number | null | undefined, missing = DASH): string {
  return value === null || value === undefined || value === '' ? missing : String(value);
}

/** Today as `YYYY-MM-DD` in the browser's own calendar (a date input's value). */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today as `YYYY-MM-DD` in UTC, and that date moved by some days (reports' defaults). */
export function utcDate(now: Date = new Date(), plusDays = 0): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + plusDays));
  return date.toISOString().slice(0, 10);
}

/** Trimmed text, or undefined when blank (the SPA omits empty values, api.md §1). */
export function clean(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
