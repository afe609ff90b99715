import Link from "next/link";
import { OverviewTable } from "@/components/reports/overview-table";
import { PageLinks } from "@/components/reports/page-links";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SERVICE_AREAS } from "@/lib/contracts/options";
import { CONCERN_RULE } from "@/lib/reports/concern";
import { scoreOrDash } from "@/lib/reports/format";
import { filterOverview, type OverviewFilter } from "@/lib/reports/overview-filter";
import { pageOf } from "@/lib/reports/pages";
import { BAND_LABELS, BANDS } from "@/lib/scoring/numbers";
import type { Overview } from "@/lib/services/commissioner-overview";

/** A commissioner's landing view: the latest released figures of every prime, worst first. */
export function CommissionerOverview({
  overview,
  filter,
  page,
}: {
  overview: Overview;
  filter: OverviewFilter;
  page: string | undefined;
}) {
  if (!overview.period) {
    return (
      <section aria-labelledby="overview-heading" className="mb-8 max-w-3xl">
        <h2 id="overview-heading" className="mb-4 text-2xl font-bold">
          Primes across your contracts
        </h2>
        <p>
          No partners&apos; figures have been released yet. Figures are released once a rating cycle closes;
          until then you can see how many partners have answered on each{" "}
          <Link href="/contracts">contract&apos;s report</Link>.
        </p>
      </section>
    );
  }
  const matching = filterOverview(overview.rows, filter);
  const shown = pageOf(matching, page);
  const query = new URLSearchParams(
    Object.entries(filter).filter(([, value]) => value !== "") as [string, string][],
  );
  const pageLink = (n: number) => {
    const next = new URLSearchParams(query);
    if (n > 1) next.set("page", String(n));
    return `/dashboard?${next.toString()}#overview-heading`;
  };
  const filtered = matching.length !== overview.rows.length;
  return (
    <section aria-labelledby="overview-heading" className="mb-8">
      <h2 id="overview-heading" className="mb-4 text-2xl font-bold">
        Primes across your contracts, worst first
      </h2>
      <p className="mb-2 max-w-3xl">{`Partners' figures released for ${overview.period}. ${CONCERN_RULE}`}</p>
      <p className="mb-6 max-w-3xl">
        {overview.nationalMedian === null
          ? "The national release for this period has not been made, so primes are not compared nationally yet."
          : `The national median of primes' overall scores is ${scoreOrDash(overview.nationalMedian, overview.nationalPrimes)}, of ${overview.nationalPrimes.toLocaleString("en-GB")} primes.`}
      </p>
      <form method="get" action="/dashboard" className="no-print mb-6 flex flex-wrap items-end gap-4">
        <TextField
          name="q"
          label="Prime or contract"
          hint="Part of a name, title or reference"
          defaultValue={filter.q}
          className="sm:w-72"
        />
        {overview.lots.length > 0 ? (
          <SelectField
            name="lot"
            label="Lot"
            value={filter.lot}
            options={[
              { value: "", label: "All lots" },
              ...overview.lots.map((lot) => ({ value: lot, label: lot })),
            ]}
          />
        ) : null}
        {overview.serviceAreas.some((area) => area !== null) ? (
          <SelectField
            name="area"
            label="Service area"
            value={filter.area}
            options={[
              { value: "", label: "All service areas" },
              ...SERVICE_AREAS.filter((a) => overview.serviceAreas.includes(a.value)),
              ...(overview.serviceAreas.includes(null) ? [{ value: "none", label: "Not stated" }] : []),
            ]}
          />
        ) : null}
        <SelectField
          name="band"
          label="Band"
          value={filter.band}
          options={[
            { value: "", label: "All bands" },
            ...[...BANDS].reverse().map((band) => ({ value: band, label: BAND_LABELS[band] })),
            { value: "none", label: "Not released" },
          ]}
        />
        <Button variant="secondary" className="mb-0">
          Show
        </Button>
      </form>
      {filtered ? (
        <p role="status">
          {`${matching.length.toLocaleString("en-GB")} of ${overview.rows.length.toLocaleString("en-GB")} rows match. `}
          <Link href="/dashboard">Show every row</Link>
        </p>
      ) : null}
      {matching.length === 0 ? null : (
        <OverviewTable rows={shown.rows} period={overview.period} previousPeriod={overview.previousPeriod} />
      )}
      <PageLinks shown={shown} label="Pages of the overview" href={pageLink} />
    </section>
  );
}
