import type { ButtonHTMLAttributes } from "react";

const styles = {
  primary: "bg-success text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]",
  secondary: "bg-gray-200 text-ink shadow-[0_2px_0_#929191] hover:bg-gray-300",
  warning: "bg-error text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]",
};

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles }) {
  return (
    <button
      type="submit"
      {...props}
      className={`mb-4 inline-block cursor-pointer px-4 py-2 text-lg font-bold ${styles[variant]} ${className}`}
    />
  );
}

/** A link styled as the start button of a GOV.UK start page. */
export const startButtonClass =
  "inline-flex items-center gap-2 bg-success px-5 py-3 text-xl font-bold text-white no-underline shadow-[0_2px_0_#002d18] hover:bg-[#005a30] hover:text-white";
