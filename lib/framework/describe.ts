import { optionValues } from "./parse";
import { type AnswerSpec, type FlagCondition, type Question, SCALES, type Unit } from "./schema";

/** Plain-English descriptions of framework data, for the public "How scoring works" page. */

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

export function formatQuantity(value: number, unit: Unit): string {
  const n = numberFormat.format(value);
  switch (unit) {
    case "days":
      return `${n} ${value === 1 ? "day" : "days"}`;
    case "percent":
      return `${n}%`;
    case "gbp":
      return `£${n}`;
    case "count":
      return n;
  }
}

function labelOf(spec: AnswerSpec, value: string): string {
  if (spec.type === "scale") return SCALES[spec.scale].find((o) => o.value === value)?.label ?? value;
  if (spec.type === "yes-partly-no")
    return SCALES["yes-partly-no"].find((o) => o.value === value)?.label ?? value;
  if (spec.type === "single" || spec.type === "multiple")
    return spec.options.find((o) => o.value === value)?.label ?? value;
  return value;
}

export function describeAnswer(spec: AnswerSpec): string {
  const extras = [
    spec.allowDontKnow ? "Don’t know" : null,
    spec.allowNotApplicable ? "Not applicable" : null,
  ].filter(Boolean);
  const plus = extras.length ? `, or ${extras.join(" or ")}` : "";
  switch (spec.type) {
    case "scale":
      return `${spec.scale === "agreement" ? "Agreement" : "Extent"} scale: ${SCALES[spec.scale].map((o) => o.label).join(", ")}${plus}`;
    case "yes-partly-no":
      return `Yes, Partly or No${plus}`;
    case "number":
      return `A number from ${formatQuantity(spec.min, spec.unit)} to ${formatQuantity(spec.max, spec.unit)}${spec.integer ? ", whole numbers" : ""}${plus}`;
    case "single":
      return `One of: ${spec.options.map((o) => o.label).join("; ")}${plus}`;
    case "multiple":
      return `Any of: ${spec.options.map((o) => o.label).join("; ")}${plus}`;
  }
}

/** The question's scoring rule in one sentence, or that it is not scored. */
export function describeScoring(question: Question): string {
  const rule = question.scoring;
  const spec = question.answer;
  if (!rule) return "Not scored: it gives context.";
  switch (rule.rule) {
    case "scale": {
      const values = optionValues(spec) ?? [];
      const ordered = rule.reverse ? [...values].reverse() : values;
      const step = values.length > 1 ? 100 / (values.length - 1) : 100;
      return `${ordered.map((v, i) => `${labelOf(spec, v)} ${numberFormat.format(i * step)}`).join(", ")}.`;
    }
    case "options":
      return `${(optionValues(spec) ?? []).map((v) => `${labelOf(spec, v)} ${numberFormat.format(rule.scores[v] ?? 0)}`).join(", ")}.`;
    case "checklist":
      return `Each option chosen adds its points, up to 100: ${Object.entries(rule.scores)
        .map(([v, s]) => `${labelOf(spec, v)} ${numberFormat.format(s)}`)
        .join(", ")}.`;
    case "thresholds": {
      const unit = spec.type === "number" ? spec.unit : "count";
      const steps = rule.steps.map(
        (s) => `up to ${formatQuantity(s.upTo, unit)} scores ${numberFormat.format(s.score)}`,
      );
      return `${steps.join("; ")}; more than that scores ${numberFormat.format(rule.otherwise)}.`;
    }
  }
}

export function describeFlagCondition(question: Question, when: FlagCondition): string {
  const spec = question.answer;
  const unit = spec.type === "number" ? spec.unit : "count";
  if ("above" in when) return `more than ${formatQuantity(when.above, unit)}`;
  if ("below" in when) return `less than ${formatQuantity(when.below, unit)}`;
  return when.anyOf.map((v) => `“${labelOf(spec, v)}”`).join(" or ");
}
