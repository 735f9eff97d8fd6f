// Charts drawn on the server as plain SVG: readable without JavaScript, with a
// title, a description and a data table as text alternatives.
import { useId } from "react";

export interface BarDatum {
  label: string;
  value: number;
  /** Optional second value drawn as a lighter bar behind (e.g. all attempts vs first attempts). */
  secondary?: number;
}

const PALETTE = { primary: "#1d5fd1", secondary: "#a9c6f5", axis: "#475569", text: "#0f172a", grid: "#e2e8f0" };

/** A chart's data as a table, behind "Show as a table": the first column names each row. */
function ChartTable({ title, columns, rows }: { title: string; columns: string[]; rows: { key: string; label: string; cells: (string | number)[] }[] }) {
  return (
    <details className="mt-1 text-sm print:hidden">
      <summary className="cursor-pointer text-brand-700">Show as a table</summary>
      <table className="mt-1 text-left text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={`${i}-${c}`} scope="col" className={i < columns.length - 1 ? "pr-4" : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="pr-4 font-normal">{r.label}</th>
              {r.cells.map((cell, i) => (
                <td key={i} className={i < r.cells.length - 1 ? "pr-4" : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Horizontal bar chart; good for long labels like misconception names. */
export function HorizontalBarChart({
  title,
  description,
  data,
  valueLabel,
  secondaryLabel,
  width = 560,
}: {
  title: string;
  description: string;
  data: BarDatum[];
  valueLabel: string;
  secondaryLabel?: string;
  width?: number;
}) {
  const id = useId();
  const rowHeight = 28;
  const labelWidth = Math.min(240, Math.round(width * 0.42));
  const chartWidth = width - labelWidth - 48;
  const max = Math.max(1, ...data.map((d) => Math.max(d.value, d.secondary ?? 0)));
  const height = data.length * rowHeight + 24;
  return (
    <figure className="overflow-x-auto print:break-inside-avoid">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="h-auto max-w-full">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {data.map((d, i) => {
          const y = i * rowHeight + 4;
          const w = (d.value / max) * chartWidth;
          const w2 = d.secondary !== undefined ? (d.secondary / max) * chartWidth : 0;
          const label = d.label.length > 34 ? `${d.label.slice(0, 33)}…` : d.label;
          return (
            <g key={`${d.label}-${i}`}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="12" fill={PALETTE.text}>
                {label}
              </text>
              {d.secondary !== undefined ? <rect x={labelWidth} y={y + 2} width={Math.max(w2, 0)} height={20} fill={PALETTE.secondary} /> : null}
              <rect x={labelWidth} y={y + (d.secondary !== undefined ? 8 : 2)} width={Math.max(w, d.value > 0 ? 2 : 0)} height={d.secondary !== undefined ? 8 : 20} fill={PALETTE.primary} />
              <text x={labelWidth + Math.max(w, w2) + 6} y={y + 17} fontSize="12" fill={PALETTE.text}>
                {d.secondary !== undefined ? `${d.value} / ${d.secondary}` : d.value}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={height - 20} stroke={PALETTE.axis} />
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">
        {secondaryLabel ? (
          <>
            Dark bar: {valueLabel}. Light bar: {secondaryLabel}.
          </>
        ) : (
          valueLabel
        )}
      </figcaption>
      <ChartTable
        title={title}
        columns={["Item", valueLabel, ...(secondaryLabel ? [secondaryLabel] : [])]}
        rows={data.map((d, i) => ({ key: `${d.label}-${i}`, label: d.label, cells: [d.value, ...(secondaryLabel ? [d.secondary ?? ""] : [])] }))}
      />
    </figure>
  );
}

export interface SeriesPoint {
  label: string;
  /** Bars (e.g. attempts). */
  bar: number;
  /** Line on a 0..1 scale (e.g. share resolved), or null when there is no value. */
  line: number | null;
}

/** Bars for counts with a line for a share, over time periods. */
export function BarLineChart({
  title,
  description,
  points,
  barLabel,
  lineLabel,
  width = 640,
  height = 220,
}: {
  title: string;
  description: string;
  points: SeriesPoint[];
  barLabel: string;
  lineLabel: string;
  width?: number;
  height?: number;
}) {
  const id = useId();
  const pad = { left: 40, right: 44, top: 12, bottom: 36 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const maxBar = Math.max(1, ...points.map((p) => p.bar));
  const step = points.length ? innerW / points.length : innerW;
  const barW = Math.max(4, Math.min(40, step * 0.6));
  const linePoints = points
    .map((p, i) => (p.line === null ? null : `${pad.left + i * step + step / 2},${pad.top + innerH - p.line * innerH}`))
    .filter(Boolean)
    .join(" ");
  return (
    <figure className="overflow-x-auto print:break-inside-avoid">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="h-auto max-w-full">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={pad.top + innerH - f * innerH} y2={pad.top + innerH - f * innerH} stroke={PALETTE.grid} />
            <text x={pad.left - 6} y={pad.top + innerH - f * innerH + 4} fontSize="11" textAnchor="end" fill={PALETTE.axis}>
              {Math.round(f * maxBar)}
            </text>
            <text x={width - pad.right + 6} y={pad.top + innerH - f * innerH + 4} fontSize="11" fill={PALETTE.axis}>
              {Math.round(f * 100)}%
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const h = (p.bar / maxBar) * innerH;
          const x = pad.left + i * step + (step - barW) / 2;
          return (
            <g key={p.label}>
              <rect x={x} y={pad.top + innerH - h} width={barW} height={h} fill={PALETTE.secondary} />
              <text x={pad.left + i * step + step / 2} y={height - pad.bottom + 16} fontSize="11" textAnchor="middle" fill={PALETTE.axis}>
                {p.label}
              </text>
            </g>
          );
        })}
        {linePoints ? <polyline points={linePoints} fill="none" stroke={PALETTE.primary} strokeWidth={2.5} /> : null}
        {points.map((p, i) =>
          p.line === null ? null : (
            <circle key={`c-${p.label}`} cx={pad.left + i * step + step / 2} cy={pad.top + innerH - p.line * innerH} r={3.5} fill={PALETTE.primary} />
          ),
        )}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">
        Light bars: {barLabel} (left axis). Dark line with dots: {lineLabel} (right axis).
      </figcaption>
      <ChartTable
        title={title}
        columns={["Period", barLabel, lineLabel]}
        rows={points.map((p) => ({ key: p.label, label: p.label, cells: [p.bar, p.line === null ? "—" : `${Math.round(p.line * 100)}%`] }))}
      />
    </figure>
  );
}
