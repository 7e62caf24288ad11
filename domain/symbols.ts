/** UN document symbols and the way UN documents spell out sessions and dates. */
export function documentSymbol(prefix: string, year: number, serial: number): string {
  return `${prefix}/${year}/${serial}`;
}

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS = ['', '', 'twent', 'thirt', 'fort', 'fift', 'sixt', 'sevent', 'eight', 'ninet'];

/** "thirty-sixth": sessions are spelled out in UN documents ("Twenty-third session"). */
export function ordinalWords(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return `${n}th`;
  if (n < 10) return UNITS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  return unit === 0 ? `${TENS[tens]}ieth` : `${TENS[tens]}y-${UNITS[unit]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "12–16 May 2027" (en dash, no comma), or across months "28 April–2 May 2027". */
export function sessionDates(opening: string, closing: string): string {
  const a = new Date(`${opening}T00:00:00Z`);
  const b = new Date(`${closing}T00:00:00Z`);
  const month = (d: Date) => d.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  if (opening === closing) return unDate(a);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${unDate(a)}–${unDate(b)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${a.getUTCDate()} ${month(a)}–${unDate(b)}`;
  return `${a.getUTCDate()}–${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
}

/** "21 February 2014". */
export function unDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function sessionTitle(number: number): string {
  return `${ordinalWords(number)} session of the Commission on Crime Prevention and Criminal Justice`;
}
