import { SERVICE_AREAS, type ServiceArea } from "./options";

/**
 * CPV (Common Procurement Vocabulary) code prefixes for each service area; the longest matching
 * prefix wins, so "85323000 Community health services" is health although "8532 Social services" is
 * community. Codes are from the CPV 2008 list that Contracts Finder and Find a Tender publish.
 */
const CPV_PREFIXES: readonly (readonly [prefix: string, area: ServiceArea])[] = [
  ["796", "employment"], // recruitment, placement and job search services
  ["805", "employment"], // training services, vocational training
  ["75231", "justice"], // judicial services, including rehabilitation and probation
  ["851", "health"], // health services
  ["853", "health"], // social work and related services
  ["85323", "health"], // community health services
  ["8532", "community"], // social services
  ["98133", "community"], // services furnished by social membership organisations
  ["98341", "housing"], // accommodation services
  ["70333", "housing"], // housing services
];

/** The service area of a notice's CPV codes: the first code placed; "other" when none is; null with no code. */
export function serviceAreaOfCpv(codes: readonly string[]): ServiceArea | null {
  const cpv = codes.map((c) => c.replace(/\D/g, "")).filter((c) => c.length >= 2);
  if (cpv.length === 0) return null;
  for (const code of cpv) {
    let best: readonly [string, ServiceArea] | undefined;
    for (const entry of CPV_PREFIXES) {
      if (code.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
    }
    if (best) return best[1];
  }
  return "other";
}

export const serviceAreaLabel = (area: string | null): string =>
  SERVICE_AREAS.find((a) => a.value === area)?.label ?? "Not stated";
