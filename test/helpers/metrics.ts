/** Scrapes a Prometheus endpoint and reads it with a real exposition-format parser (parse-prometheus-text-format). */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export type Families = ReturnType<typeof parsePrometheusTextFormat>;

export async function scrape(url: string, headers: Record<string, string> = {}): Promise<Families> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return parsePrometheusTextFormat(await response.text());
}

export function family(families: Families, name: string) {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no metric ${name} among ${families.map((f) => f.name).join(', ')}`);
  return found;
}
