// One frame for every wide teacher table (progress grid, heatmap, insight
// tables, roster). On a screen: a labelled region that scrolls sideways and can
// be reached by keyboard, a narrow first column that stays put (sticky), and a
// caption that wraps inside what is visible instead of running off the edge.
// On paper: everything shown (no scrolling), the header row repeated on each
// page, and, for tables wider than a portrait page, the page in landscape.
// The styles live in tailwind.css (.table-frame) so that every table gets the
// same rules; tables keep their own cell classes.
import { useId, type ReactNode } from "react";

export function WideTable({
  caption,
  captionHidden = false,
  landscape = false,
  tall = false,
  className = "",
  tableClassName = "",
  children,
}: {
  /** The table's name: shown above it (or only to assistive technology with captionHidden) and naming the scroll region. */
  caption: ReactNode;
  captionHidden?: boolean;
  /** Print the page this table is on in landscape (tables with many columns). */
  landscape?: boolean;
  /** Cap the height on screen so the header row stays in view while the rows scroll. */
  tall?: boolean;
  className?: string;
  tableClassName?: string;
  /** thead, tbody and tfoot. */
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      // A scrolling region must be reachable by keyboard to be scrolled without a mouse.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      data-print-page={landscape ? "wide" : undefined}
      className={`table-frame ${tall ? "max-h-[75vh]" : ""} ${className}`}
    >
      <table className={tableClassName}>
        <caption id={captionId} className={captionHidden ? "sr-only" : "table-frame-caption"}>
          {captionHidden ? caption : <span>{caption}</span>}
        </caption>
        {children}
      </table>
    </div>
  );
}
