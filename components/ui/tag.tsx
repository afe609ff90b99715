import type { ReactNode } from "react";

const tones = {
  grey: "bg-gray-200 text-gray-900",
  blue: "bg-blue-100 text-blue-950",
  green: "bg-green-100 text-green-950",
  red: "bg-red-100 text-red-950",
  yellow: "bg-yellow-100 text-yellow-950",
};

export function Tag({ tone = "grey", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <strong className={`inline-block px-2 py-0.5 text-base font-bold ${tones[tone]}`}>{children}</strong>
  );
}
