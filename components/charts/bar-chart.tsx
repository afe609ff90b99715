import { ScrollRegion } from "@/components/ui/scroll-region";
import { PRIME_FILLS } from "@/lib/reports/chart-series";
import { type Answers, formatScore } from "@/lib/reports/format";

export interface BarSeries {
  name: string;
  /** One value (0–100) per category; null where there is no figure to show. */
  values: readonly (number | null)[];
  /** How many answers each value rests on, for the precision of its label; one for all, or one each. */
  answers: Answers | readonly Answers[];
  /** Its colour, from lib/reports/chart-series.ts so one meaning has one colour; else by position. */
  fill?: string;
}

const answersAt = (s: BarSeries, i: number): Answers =>
  Array.isArray(s.answers) ? (s.answers[i] ?? 0) : (s.answers as Answers);

const fillOf = (s: BarSeries, i: number) => s.fill ?? PRIME_FILLS[i % PRIME_FILLS.length];
const WIDTH = 720;
const LABEL = 230;
const BAR = 18;
const GAP = 14;

/**
 * Horizontal bars on a 0–100 scale, drawn on the server as SVG: a title and description for screen
 * readers, the same figures in a table beneath, and solid fills with written values so it reads in
 * print and in greyscale.
 */
export function BarChart({
  id,
  title,
  description,
  categories,
  series,
}: {
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly BarSeries[];
}) {
  const plot = WIDTH - LABEL - 70;
  const groupHeight = series.length * BAR + GAP;
  // One legend line per series: long prime names never overlap.
  const legend = series.length * 20 + 8;
  const height = legend + categories.length * groupHeight + 24;
  const x = (value: number) => LABEL + (value / 100) * plot;
  return (
    <figure className="chart mb-8 break-inside-avoid">
      <ScrollRegion label={title}>
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          // Never narrower than its own units: its 12-unit text stays at least 12 CSS px (issue 17).
          className="h-auto w-full max-w-3xl min-w-[720px]"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(${LABEL}, ${4 + i * 20})`}>
              <rect width="14" height="14" fill={fillOf(s, i)} />
              <text x="20" y="12" fontSize="13">
                {s.name}
              </text>
            </g>
          ))}
          {[0, 20, 40, 60, 80, 100].map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={legend} y2={height - 20} stroke="#b1b4b6" strokeWidth="1" />
              <text x={x(tick)} y={height - 6} fontSize="12" textAnchor="middle">
                {tick}
              </text>
            </g>
          ))}
          {categories.map((category, c) => {
            const top = legend + c * groupHeight;
            return (
              <g key={category}>
                <text x={LABEL - 8} y={top + (series.length * BAR) / 2 + 5} fontSize="13" textAnchor="end">
                  {category}
                </text>
                {series.map((s, i) => {
                  const value = s.values[c] ?? null;
                  const y = top + i * BAR;
                  return (
                    <g key={s.name}>
                      {value === null ? null : (
                        <rect
                          x={LABEL}
                          y={y + 2}
                          width={Math.max(1, x(value) - LABEL)}
                          height={BAR - 4}
                          fill={fillOf(s, i)}
                        />
                      )}
                      <text x={value === null ? LABEL + 4 : x(value) + 4} y={y + BAR - 5} fontSize="12">
                        {value === null ? "no figure" : formatScore(value, answersAt(s, c))}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </ScrollRegion>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
