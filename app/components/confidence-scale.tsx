import { ErrorList } from "~/components/form";
import { CONFIDENCE_LABELS } from "~/domain/journal-entry";

const VALUES = ["", "1", "2", "3", "4", "5"] as const;

/**
 * The 1–5 "how sure" scale, one tap, always optional ("No rating" is a choice).
 * Asked with an answer before its outcome is known, and in a reflection after.
 */
export function ConfidenceScale({
  idPrefix,
  name,
  legend,
  initial,
  errors,
}: {
  idPrefix: string;
  name: string;
  legend: string;
  initial: string;
  errors?: string[] | null;
}) {
  const errorId = errors?.length ? `${idPrefix}-confidence-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {VALUES.map((value) => (
          <div key={value || "none"} className="flex items-center gap-1.5 text-sm">
            <input type="radio" id={`${idPrefix}-confidence-${value || "none"}`} name={name} value={value} defaultChecked={initial === value} className="h-4 w-4" />
            <label htmlFor={`${idPrefix}-confidence-${value || "none"}`}>{value ? CONFIDENCE_LABELS[Number(value) as 1 | 2 | 3 | 4 | 5] : "No rating"}</label>
          </div>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
