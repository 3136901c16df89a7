/**
 * A size for a person, in the reader's language: "12 bytes", "830 kB", "2.4 MB", "2,4 Mo".
 * The one formatter for every size the app shows (backups, documents, storage, the record PDF):
 * before it there were three, and a 1,000,000-byte file was "1 MB" in Settings and "977 KB" in
 * the documents list.
 *
 * Base 1024. Stillpoint's own limits are powers of two (a document up to 50 × 1024 × 1024 bytes,
 * a backup up to 256 × 1024 × 1024, src-shared/domain/file-size-limits.ts, which main's refusals
 * name through this formatter), so with base 1024 a file at the limit reads "50 MB" in the list as in the
 * refusal; base 1000 would call the same file "52 MB" beside a "50 MB" limit. It is also what
 * Windows Explorer shows. The unit names come from Intl (CLDR): "MB" in English and German, "Mo"
 * in French, "Byte" in German; CLDR has no KiB/MiB, and a therapist would not know them anyway.
 *
 * `locale` is a BCP 47 tag ("de-CH"); undefined means the runtime's own.
 */
const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const BASE = 1024;

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale ?? ''}|${options.unit}|${options.maximumFractionDigits ?? ''}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', ...options });
    cache.set(id, format);
  }
  return format;
}

export function formatBytes(bytes: number, locale: string | undefined): string {
  // A size that is not one (NaN, a negative free space) is shown as nothing rather than "-1 bytes".
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < BASE) {
    return numberFormat(locale, { unit: 'byte', unitDisplay: 'long', maximumFractionDigits: 0 }).format(
      Math.round(bytes),
    );
  }
  let value = bytes / BASE;
  let unit = 0;
  while (value >= BASE && unit < UNITS.length - 1) {
    value /= BASE;
    unit += 1;
  }
  // Two significant digits are plenty for a person: "2.4 MB", "46 GB". Rounding 1023.7 KB up
  // gives "1,024 kB", which is right in base 1024 and rare enough to leave.
  return numberFormat(locale, {
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value >= 10 ? 0 : 1,
  }).format(value);
}
